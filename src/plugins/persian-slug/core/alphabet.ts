/** How long a slug may be, in code points (every slug character is in the BMP, so also in UTF-16 units). */
export const SLUG_MAX_LENGTH = 100;

/** The only character between slug words. */
export const SLUG_SEPARATOR = '-';

/**
 * The Persian letters a slug keeps. Variants (Arabic yeh and kaf, teh marbuta, hamza seats) are folded
 * onto these before splitting; آ, ئ and ء are kept because they tell words apart.
 */
export const PERSIAN_SLUG_LETTERS = [
  'ا',
  'آ',
  'ب',
  'پ',
  'ت',
  'ث',
  'ج',
  'چ',
  'ح',
  'خ',
  'د',
  'ذ',
  'ر',
  'ز',
  'ژ',
  'س',
  'ش',
  'ص',
  'ض',
  'ط',
  'ظ',
  'ع',
  'غ',
  'ف',
  'ق',
  'ک',
  'گ',
  'ل',
  'م',
  'ن',
  'و',
  'ه',
  'ی',
  'ئ',
  'ء',
] as const;

export type PersianSlugLetter = (typeof PERSIAN_SLUG_LETTERS)[number];

/** The characters of a latin-mode slug word; persian-mode words may use them too. */
export const LATIN_SLUG_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every character a persian-mode slug word may hold; anything else separates words. */
export const SLUG_ALPHABET = `${PERSIAN_SLUG_LETTERS.join('')}${LATIN_SLUG_CHARACTERS}`;

/** Regex character classes (no `u` flag needed: every member is a single BMP code unit). */
export const PERSIAN_MODE_CLASS = `[${PERSIAN_SLUG_LETTERS.join('')}a-z0-9]`;
export const LATIN_MODE_CLASS = '[a-z0-9]';
