import { canonicalOrigins, canonicalize } from './canonical';
import { BLANK, DECORATION, FOOTER_AT_END, SENTENCE_END } from './patterns';

/** One typed footer: its text as found (for warnings) and its code in Latin digits. */
export interface FooterUnit {
  raw: string;
  code: string | null;
}

export type LineAnalysis =
  | { kind: 'blank' }
  | { kind: 'decoration' }
  | { kind: 'story' }
  /** `kept` is the story text before the footer on the same line, '' when the line held only the footer. */
  | { kind: 'footer'; units: FooterUnit[]; kept: string };

const BLANK_LINE: LineAnalysis = { kind: 'blank' };
const DECORATION_LINE: LineAnalysis = { kind: 'decoration' };
const STORY_LINE: LineAnalysis = { kind: 'story' };

/**
 * How far back from a line's end the end-anchored patterns look. A footer with its decoration and
 * codes is far shorter; the bound keeps matching linear on pathological lines (long runs of spaces
 * or asterisks would otherwise make every start position rescan the run).
 */
const TAIL = 256;

interface TailMatch {
  index: number;
  captures: ReadonlyArray<string | undefined>;
}

const execInTail = (pattern: RegExp, canonical: string, end: number): TailMatch | null => {
  const from = Math.max(0, end - TAIL);
  const match = pattern.exec(canonical.slice(from, end));
  return match && { index: from + match.index, captures: match };
};

/** Index of the last character of `text` before `end` that is neither space nor ZWNJ. */
const lastVisible = (text: string, end: number): number => {
  let at = end - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\u200C')) at -= 1;
  return at;
};

/** A letter or digit that canonicalize keeps: of the letters it drops only tatweel. */
const KEPT_LETTER_OR_DIGIT = /(?!\u0640)[\p{L}\p{N}]/u;

/** How much of the line from its last «پ» is canonicalized to see whether «پیام» starts there. */
const MARKER_HEAD = 64;

/**
 * Whether the line is story, told without canonicalizing all of it (most lines of a body are story,
 * and canonicalizing them was most of a save's footer step): it holds a letter or digit that
 * canonicalize keeps, so it is neither blank nor decoration, and its last «پ» does not start «پیام». A
 * footer's «پ» is its line's last: nothing after the marker holds one, and no canonical rule makes one.
 */
const surelyStory = (text: string): boolean => {
  if (!KEPT_LETTER_OR_DIGIT.test(text)) return false;
  const at = text.lastIndexOf('پ');
  if (at === -1) return true;
  const head = canonicalize(text.slice(at, at + MARKER_HEAD));
  // Marks and joiners between the letters may leave fewer than four: then the whole rule decides.
  if (head.length < 4 && at + MARKER_HEAD < text.length) return false;
  return !head.startsWith('پیام');
};

/**
 * Classifies one line of block text. A line is a footer when it ends with one or more footers
 * (FOOTER_AT_END, peeled off repeatedly to catch duplicates) and what precedes them is either only
 * decoration or a finished sentence (SENTENCE_END). When the finished sentence itself ends with the
 * words («... در انتهای پیام. انتهای پیام»), only the footers after it are taken. Anything else that
 * mentions the words is story.
 */
export const analyseLine = (line: string): LineAnalysis => {
  const text = line.replace(/\r$/, '');
  if (surelyStory(text)) return STORY_LINE;
  const canonical = canonicalize(text);
  if (BLANK.test(canonical)) return BLANK_LINE;
  if (DECORATION.test(canonical)) return DECORATION_LINE;
  let match = execInTail(FOOTER_AT_END, canonical, canonical.length);
  if (!match) return STORY_LINE;

  const origins = canonicalOrigins(text);
  /** Footers from the line's end backwards, with where each starts in `canonical`. */
  const peeled: Array<{ start: number; unit: FooterUnit }> = [];
  let end = canonical.length;
  while (match) {
    const raw = text.slice(origins[match.index], origins[end - 1] + 1).trim();
    peeled.push({
      start: match.index,
      unit: { raw, code: match.captures[2] ?? match.captures[1] ?? null },
    });
    end = match.index;
    match = execInTail(FOOTER_AT_END, canonical, end);
  }
  const unitsOf = (count: number): FooterUnit[] =>
    peeled
      .slice(0, count)
      .reverse()
      .map((entry) => entry.unit);

  if (DECORATION.test(canonical.slice(0, end))) {
    return { kind: 'footer', units: unitsOf(peeled.length), kept: '' };
  }
  for (let count = peeled.length; count > 0; count -= 1) {
    const start = peeled[count - 1].start;
    if (execInTail(SENTENCE_END, canonical, start)) {
      return {
        kind: 'footer',
        units: unitsOf(count),
        kept: text.slice(0, origins[lastVisible(canonical, start)] + 1),
      };
    }
  }
  return STORY_LINE;
};
