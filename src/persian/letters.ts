/**
 * Arabic letters that old keyboards and archives type for Persian ones. Only yeh and kaf: a Persian
 * editor never means the Arabic forms, so rewriting them on save changes no meaning.
 */
const KEYBOARD_LETTERS: Record<string, string> = {
  ي: 'ی', // U+064A ARABIC LETTER YEH
  ى: 'ی', // U+0649 ALEF MAKSURA
  ك: 'ک', // U+0643 ARABIC LETTER KAF
};

/**
 * The wider folding used for matching (slugs, search), where variants must compare equal even though
 * an editor may legitimately write them: teh marbuta, heh goal/doachashmee, hamza seats, Arabic kaf and yeh.
 * آ, ئ and ء are kept: they distinguish words.
 */
export const MATCHING_LETTERS: Readonly<Record<string, string>> = {
  ...KEYBOARD_LETTERS,
  ة: 'ه', // U+0629 TEH MARBUTA
  ۀ: 'ه', // U+06C0 HEH WITH YEH ABOVE
  ھ: 'ه', // U+06BE HEH DOACHASHMEE
  ە: 'ه', // U+06D5 AE
  ۂ: 'ه', // U+06C2 HEH GOAL WITH HAMZA ABOVE
  ہ: 'ه', // U+06C1 HEH GOAL
  أ: 'ا', // U+0623 ALEF WITH HAMZA ABOVE
  إ: 'ا', // U+0625 ALEF WITH HAMZA BELOW
  ٱ: 'ا', // U+0671 ALEF WASLA
  ؤ: 'و', // U+0624 WAW WITH HAMZA ABOVE
};

const replaceFrom = (map: Readonly<Record<string, string>>) => {
  const pattern = new RegExp(`[${Object.keys(map).join('')}]`, 'g');
  return (text: string): string => text.replace(pattern, (letter) => map[letter]);
};

/** ي ى → ی and ك → ک: the rewrite applied to what editors save in Persian content. */
export const unifyKeyboardLetters = replaceFrom(KEYBOARD_LETTERS);

/** The keyboard rewrite plus teh marbuta, heh and hamza-seat variants: for slugs and search keys. */
export const foldLettersForMatching = replaceFrom(MATCHING_LETTERS);
