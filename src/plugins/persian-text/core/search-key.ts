import {
  foldLettersForMatching,
  stripArabicMarks,
  stripBidiControls,
  stripInvisibleJoiners,
  toLatinDigits,
} from '@pishkhan/persian-text-rules';

/** Written joined, with a ZWNJ or with a space: «می‌شود», «می شود», «میشود» are one word to a reader. */
const PREFIXES = new Set(['می', 'نمی']);
const SUFFIXES = new Set([
  'ها',
  'های',
  'هایی',
  'هایم',
  'هایت',
  'هایش',
  'ای',
  'ام',
  'ات',
  'اش',
  'تر',
  'ترین',
  'ایم',
  'اید',
  'اند',
]);

/**
 * The words of a text in the one spelling that both the index and queries use: NFKC, Arabic letter
 * variants folded, marks and tatweel dropped, Latin digits, lower case, punctuation and ZWNJ as spaces,
 * and the common prefixes and suffixes above joined to their word.
 */
export const searchWords = (text: string): string[] => {
  const folded = toLatinDigits(
    stripBidiControls(
      stripInvisibleJoiners(stripArabicMarks(foldLettersForMatching(text.normalize('NFKC'))))
    )
  ).toLowerCase();
  const tokens = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (PREFIXES.has(token) && i + 1 < tokens.length) {
      tokens[i + 1] = token + tokens[i + 1];
    } else if (SUFFIXES.has(token) && words.length > 0) {
      words[words.length - 1] += token;
    } else {
      words.push(token);
    }
  }
  return words;
};

export const searchKey = (text: string): string => searchWords(text).join(' ');

/**
 * What the index stores for a field: its search words in order (for phrases), then, after them, the
 * stems of words that carried a joined prefix or suffix, so «کتاب» also finds «کتاب‌ها» and «شود» finds
 * «می‌شود» without breaking phrase adjacency.
 */
// A word's endings are looked up by length (2–4 letters), not compared with every suffix: a body's
// index key was a fifth of an import's search step. Matches keep SUFFIXES' order, so the key is unchanged.
const SUFFIX_RANK = new Map([...SUFFIXES].map((suffix, rank) => [suffix, rank]));
const SUFFIX_LENGTHS = [...new Set([...SUFFIXES].map((suffix) => suffix.length))];
const PREFIX_FIRST_LETTERS = new Set([...PREFIXES].map((prefix) => prefix[0]));

const suffixesOf = (word: string): string[] => {
  const found: string[] = [];
  for (const length of SUFFIX_LENGTHS) {
    if (word.length <= length + 1) continue;
    const ending = word.slice(-length);
    if (SUFFIX_RANK.has(ending)) found.push(ending);
  }
  return found.length > 1 ? found.sort((a, b) => SUFFIX_RANK.get(a)! - SUFFIX_RANK.get(b)!) : found;
};

export const indexKey = (text: string): string => {
  const words = searchWords(text);
  const stems = new Set<string>();
  for (const word of words) {
    if (PREFIX_FIRST_LETTERS.has(word[0]))
      for (const prefix of PREFIXES)
        if (word.startsWith(prefix) && word.length > prefix.length + 1)
          stems.add(word.slice(prefix.length));
    for (const suffix of suffixesOf(word)) stems.add(word.slice(0, -suffix.length));
  }
  return [...words, ...stems].join(' ');
};
