import { PersianSlugLetter } from './alphabet';

/**
 * Persian letters spelled by pronunciation for latin mode. Typed over every slug letter, so the compiler
 * reports a letter added to the alphabet without a spelling. ء is silent in a slug.
 */
const SPELLING: Record<PersianSlugLetter, string> = {
  ا: 'a',
  آ: 'a',
  ع: 'a',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ط: 't',
  ث: 's',
  س: 's',
  ص: 's',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  ه: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'z',
  ز: 'z',
  ض: 'z',
  ظ: 'z',
  ر: 'r',
  ژ: 'zh',
  ش: 'sh',
  غ: 'gh',
  ق: 'gh',
  ف: 'f',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  و: 'o',
  ی: 'i',
  ئ: 'e',
  ء: '',
};

/** و and ی open a word as consonants (vazir, yek) and are vowels inside it (dolat, slimi). */
const WORD_START_SPELLING: Partial<Record<PersianSlugLetter, string>> = { و: 'v', ی: 'y' };

const isPersianSlugLetter = (character: string): character is PersianSlugLetter =>
  Object.prototype.hasOwnProperty.call(SPELLING, character);

/**
 * A persian-mode slug word in `[a-z0-9]`; a–z and 0–9 pass through. May return '' (a word of ء only).
 * "Word start" is the first character of the word, so a ZWNJ-joined part (می‌شود → mi, shod) starts anew.
 */
export const transliterateWord = (word: string): string =>
  Array.from(word, (character, index) => {
    if (!isPersianSlugLetter(character)) return character;
    return (index === 0 ? WORD_START_SPELLING[character] : undefined) ?? SPELLING[character];
  }).join('');
