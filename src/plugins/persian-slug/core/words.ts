import { PERSIAN_MODE_CLASS, SLUG_SEPARATOR } from './alphabet';

const PERSIAN_MODE_WORD = new RegExp(`${PERSIAN_MODE_CLASS}+`, 'g');

/** Step 5: the runs of alphabet characters; every other character (ZWNJ, punctuation, emoji…) separates. */
export const splitSlugWords = (folded: string): string[] => folded.match(PERSIAN_MODE_WORD) ?? [];

/**
 * Step 6: the words joined by hyphens, keeping as many leading words as fit in `maxLength`; a first word
 * longer than that is cut. Words hold only BMP characters, so `length` counts code points.
 * Returns '' when there are no words.
 */
export const joinWithinLength = (words: readonly string[], maxLength: number): string => {
  let slug = '';
  for (const word of words) {
    const longer = slug === '' ? word : `${slug}${SLUG_SEPARATOR}${word}`;
    if (longer.length > maxLength) break;
    slug = longer;
  }
  if (slug === '' && words.length > 0) return words[0].slice(0, maxLength);
  return slug;
};
