/** Vite's `?inline` CSS imports: the stylesheet as a string, asset URLs resolved. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
