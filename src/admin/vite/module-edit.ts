import type { Plugin } from 'vite';

/** Whether Vite's module id (query left off, any slashes) is a path `pattern` matches. */
export const isModule = (id: string, pattern: RegExp): boolean =>
  pattern.test(id.split('?')[0].replace(/\\/g, '/'));

/**
 * A build-time edit of a dependency's module (any of `modules`). `edit` returns the new code; code it
 * returns unchanged means the module no longer has the shape the edit expects, and the build fails with
 * "cannot …" rather than shipping an admin without the fix.
 */
export const moduleEdit = ({
  name,
  modules,
  edit,
  cannot,
}: {
  name: string;
  modules: RegExp | RegExp[];
  edit: (code: string) => string;
  cannot: string;
}): Plugin => ({
  name: `pishkhan:${name}`,
  enforce: 'pre',
  transform(code, id) {
    if (![modules].flat().some((module) => isModule(id, module))) return null;
    const patched = edit(code);
    if (patched === code) this.error(`${id}: ${cannot}`);
    return { code: patched, map: null };
  },
});
