/**
 * The text a reader sees in a paragraph's Markdown, for search snippets: link and image syntax, emphasis,
 * code marks, heading, quote and bullet marks and backslash escapes go; their text stays. Raw HTML is
 * kept as written (it is text to a reader's escaping renderer too, docs/api.md → Writing).
 */
const INLINE: Array<[RegExp, string]> = [
  // ![alt](url) and [text](url "title"), with one level of parentheses inside the address.
  [/!?\[((?:[^\]\\]|\\.)*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1'],
  // [text][ref] and [text][]
  [/!?\[((?:[^\]\\]|\\.)*)\]\[[^\]]*\]/g, '$1'],
  // <https://…> autolinks
  [/<((?:https?|mailto):[^<>\s]+)>/gi, '$1'],
  [/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2'],
  [/~~(?=\S)([\s\S]*?\S)~~/g, '$1'],
  [/\*(?=[^\s*])([^*]*?[^\s*]|)\*/g, '$1'],
  // _em_ only between non-letters, so snake_case stays
  [/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_]|)_(?![\p{L}\p{N}_])/gu, '$1'],
];

// Heading, quote and bullet marks; an ordered list's numbers are text a reader sees.
const LINE_MARKERS = /^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)/gm;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const PUNCTUATION = /[!-/:-@[-`{-~]/g;
// Escaped marks and code spans' marks are set aside as a private-use character and the mark's code, so
// no rule takes them for syntax, and restored at the end.
const setAside = (mark: string) => `\uE000${mark.charCodeAt(0).toString(16)}`;
const SET_ASIDE = /\uE000([0-9a-f]{2})/g;

export const markdownText = (markdown: string): string => {
  let text = markdown
    .replace(ESCAPED, (_escape, mark: string) => setAside(mark))
    .replace(CODE_SPAN, (_span, _ticks, code: string) => code.replace(PUNCTUATION, setAside))
    .replace(LINE_MARKERS, '');
  for (const [pattern, replacement] of INLINE) text = text.replace(pattern, replacement);
  return text.replace(SET_ASIDE, (_mark, code: string) => String.fromCharCode(parseInt(code, 16)));
};
