import { assertString, emptyTitleError } from './errors';
import { foldForSlug } from './fold';
import { resolveSlugOptions, SlugOptions } from './options';
import { transliterateWord } from './transliterate';
import { joinWithinLength, splitSlugWords } from './words';

/** The slug rule without its error: '' when the text holds nothing of the alphabet. */
export const slugOrEmpty = (text: string, options?: SlugOptions): string => {
  assertString(text, 'The text of a slug');
  const { mode, maxLength } = resolveSlugOptions(options);
  const words = splitSlugWords(foldForSlug(text));
  const modeWords =
    mode === 'latin' ? words.map(transliterateWord).filter((word) => word !== '') : words;
  return joinWithinLength(modeWords, maxLength);
};

/**
 * The canonical slug of a title: NFKC; letter and digit unification; marks and invisible characters
 * deleted; Latin accents and case removed; split on anything outside the alphabet (ZWNJ included, so
 * می‌شود and می شود agree); words joined by hyphens within maxLength, cut at a word boundary.
 * Throws SlugError EMPTY_SLUG when nothing is left, never a random slug: the editor writes one by hand.
 */
export const persianSlug = (text: string, options?: SlugOptions): string => {
  const slug = slugOrEmpty(text, options);
  if (slug === '') throw emptyTitleError(text);
  return slug;
};
