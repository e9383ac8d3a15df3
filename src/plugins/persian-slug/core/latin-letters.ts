import slugify from 'slugify';

/** A Latin letter with the combining marks typed after it (a mark alone must not split the word). */
const LATIN_LETTER_WITH_MARKS = /\p{Script=Latin}\p{M}*/gu;
const COMBINING_MARKS = /\p{M}/gu;
const ASCII_LETTERS = /^[A-Za-z]+$/;

const foldLatinLetter = (letter: string): string => {
  const bare = letter.normalize('NFKD').replace(COMBINING_MARKS, '');
  if (ASCII_LETTERS.test(bare)) return bare.toLowerCase();
  // Letters with no decomposition (ß, ø, æ, ł, đ, þ, œ, ı): slugify's table spells them in ASCII.
  // An unknown letter is left as it is, so it separates words like any other foreign character.
  const spelled = slugify(bare, { strict: true, replacement: '' });
  return (spelled === '' ? bare : spelled).toLowerCase();
};

/**
 * Step 4 of the slug rule: Latin letters lose their accents and case (é → e, ß → ss). Only Latin
 * letters are decomposed: NFKD on the whole text would take آ and ئ apart.
 */
export const foldLatinLetters = (text: string): string =>
  text.replace(LATIN_LETTER_WITH_MARKS, foldLatinLetter);
