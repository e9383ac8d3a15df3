import {
  HORIZONTAL_SPACE,
  foldLettersForMatching,
  stripArabicMarks,
  stripBidiControls,
  stripInvisibleJoiners,
  toLatinDigits,
  unifyKeyboardLetters,
} from '../../persian';

/** Letters that make up words: Arabic-script letters (with Persian ones) and Latin letters. */
export const LETTER_CLASS =
  'A-Za-z\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FF';

const LETTER = new RegExp(`[${LETTER_CLASS}]`);

export const isLetter = (char: string | undefined): boolean =>
  char !== undefined && LETTER.test(char);

/** A space or ZWNJ: typists put either, several or none between the parts of a word or a name. */
export const GAP = '[ \\u200C]*';

/** C0 controls except tab, DEL and the C1 controls: never meant in a story, dropped from every line. */
const STRAY_CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;

export const stripStrayControls = (text: string): string => text.replace(STRAY_CONTROLS, '');

/**
 * Story text as it is stored: Arabic yeh/kaf unified to the Persian letters, as the CMS does on every
 * save. Nothing else changes: ZWNJ, spacing and punctuation stay as typed.
 */
export const storyText = (text: string): string => unifyKeyboardLetters(text);

/**
 * A one-line field (title, kicker, author, source): story text without bidi controls, tatweel or
 * other invisible joiners, every run of spaces one space, trimmed.
 */
export const fieldText = (text: string): string =>
  unifyKeyboardLetters(stripInvisibleJoiners(stripBidiControls(text)))
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The form names and phrases are looked for in: keyboard letters unified, no bidi controls, joiners
 * or harakat, one space between words (ZWNJ kept inside words, dropped next to a space), one line.
 * `foldLettersForMatching` of it has the same length, so positions found in the folded form are
 * positions in this one.
 */
export const analysisText = (text: string): string =>
  unifyKeyboardLetters(stripArabicMarks(stripInvisibleJoiners(stripBidiControls(text))))
    .replace(HORIZONTAL_SPACE, ' ')
    // One pass over each run of spaces and ZWNJ keeps this linear on pathological input.
    .replace(/[\s\u200C]+/g, (run) => (/\s/.test(run) ? ' ' : '\u200C'));

/** The folded twin of analysisText: letter variants equal, same length and positions. */
export const foldedText = (analysis: string): string => foldLettersForMatching(analysis);

/** Equality key of a name or phrase: folded letters, Latin digits, no spaces or ZWNJ at all. */
export const squeezedKey = (text: string): string =>
  toLatinDigits(foldedText(analysisText(text))).replace(/[ \u200C]/g, '');

/** A folded word list for set lookups: each word with its ZWNJ removed. */
export const wordKey = (word: string): string =>
  foldLettersForMatching(word).replace(/\u200C/g, '');
