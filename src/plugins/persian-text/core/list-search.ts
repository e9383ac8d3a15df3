import {
  ARABIC_INDIC_DIGITS,
  MATCHING_LETTERS,
  NBSP,
  PERSIAN_DIGITS,
  stripArabicMarks,
  toLatinDigits,
  foldLettersForMatching,
  ZWJ,
  ZWNJ,
} from '@pishkhan/persian-text-rules';

/**
 * The admin list's search, folded like /api/search: «پیش‌بینی» (ZWNJ), «پیش بینی» and «پیشبینی» are one
 * spelling, Arabic ي/ك are ی/ک (and the other matching letter variants of src/persian fold), Persian and
 * Arabic-Indic digits are Latin. Unlike the public search it matches any part of a field (as Strapi's
 * own list search does), so the word separators are dropped rather than split on.
 */
const SEPARATORS = [ZWNJ, ZWJ, ' ', NBSP];
const SEPARATOR = new RegExp(`[${SEPARATORS.join('')}]`, 'g');

const DIGITS: ReadonlyArray<[string, string]> = [...PERSIAN_DIGITS, ...ARABIC_INDIC_DIGITS].map(
  (digit, n) => [digit, String(n % 10)]
);

/** The query as the list search compares it. */
export const listSearchFold = (text: string): string =>
  toLatinDigits(foldLettersForMatching(stripArabicMarks(text.normalize('NFKC')))).replace(
    SEPARATOR,
    ''
  );

/**
 * The character replacements a stored value needs before a folded query can be looked for in it: the
 * separators always (they may sit anywhere), a letter or digit variant only when the query holds what it
 * folds to (a variant of anything else cannot meet the query either way). Few replacements keep the
 * database's scan about as cheap as Strapi's own `LIKE`.
 */
export const storedValueFolds = (foldedQuery: string): Array<[from: string, to: string]> => [
  ...SEPARATORS.map((separator): [string, string] => [separator, '']),
  ...[...Object.entries(MATCHING_LETTERS), ...DIGITS].filter(([, to]) => foldedQuery.includes(to)),
];

/** `%query%` for `LIKE … ESCAPE '!'`. */
export const containsPattern = (foldedQuery: string): string =>
  `%${foldedQuery.replace(/[!%_]/g, '!$&')}%`;
