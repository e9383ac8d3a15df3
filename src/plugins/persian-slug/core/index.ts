/** The pure core of the persian-slug plugin: no Strapi, no I/O. */
export {
  SLUG_MAX_LENGTH,
  SLUG_ALPHABET,
  PERSIAN_SLUG_LETTERS,
  LATIN_SLUG_CHARACTERS,
} from './alphabet';
export type { PersianSlugLetter } from './alphabet';
export { SlugError, SLUG_ERROR_CODES } from './errors';
export type { SlugErrorCode } from './errors';
export type { SlugMode, SlugOptions } from './options';
export { persianSlug } from './slug';
export { firstFreeCandidate, slugCandidate } from './candidate';
export { normalizeSlugLookup, SLUG_LOOKUP_ERROR_CODES } from './lookup';
export { isValidSlug, SLUG_UID_REGEX } from './validate';
