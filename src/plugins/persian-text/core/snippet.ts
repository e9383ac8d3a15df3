import { searchWords } from './search-key';

export interface Snippet {
  text: string;
  /** [start, end) offsets in `text` of the words that matched. */
  highlights: Array<[number, number]>;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!
  );

/**
 * Up to `radius` characters either side of the first matching word of `text`, with every matching word
 * marked. A word matches when its search spelling starts with a wanted one (so «کتاب‌ها» is marked for
 * «کتاب»).
 */
export const buildSnippet = (
  text: string,
  wanted: ReadonlyArray<string>,
  radius = 80
): Snippet | null => {
  const spans: Array<[number, number]> = [];
  // Words as a reader sees them: letter runs, ZWNJ-joined parts included («کتاب‌ها» is one word).
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+(?:\u200C[\p{L}\p{M}\p{N}]+)*/gu)) {
    // Past the first match's window no word is shown: the rest of a long body is not spelled out word by
    // word (that was 4 ms of a search whose ten hits matched in the body, at 100,000 stories).
    if (spans.length && match.index! >= spans[0][1] + radius) break;
    const [key] = searchWords(match[0]);
    if (key && wanted.some((word) => key.startsWith(word))) {
      spans.push([match.index!, match.index! + match[0].length]);
    }
  }
  if (!spans.length) return null;
  const start = Math.max(0, spans[0][0] - radius);
  const end = Math.min(text.length, spans[0][1] + radius);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const highlights = spans
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]): [number, number] => [
      from - start + prefix.length,
      to - start + prefix.length,
    ]);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights };
};

/** The snippet as HTML: the text escaped, matches in <mark>. */
export const snippetHtml = ({ text, highlights }: Snippet): string => {
  let html = '';
  let at = 0;
  for (const [from, to] of highlights) {
    html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  return html + escapeHtml(text.slice(at));
};
