import {
  foldLettersForMatching,
  stripArabicMarks,
  stripBidiControls,
  stripInvisibleJoiners,
  toLatinDigits,
} from '@pishkhan/persian-text-rules';
import { foldLatinLetters } from './latin-letters';

/**
 * Steps 1–4 of the slug rule, in order; nothing here splits a word. NFKC comes first so that
 * presentation forms (ﻻ, ﷼) and compatibility spaces reach the letter rules as ordinary characters.
 */
export const foldForSlug = (text: string): string => {
  const compatible = text.normalize('NFKC');
  const unified = toLatinDigits(foldLettersForMatching(compatible));
  // stripInvisibleJoiners covers tatweel, ZWJ, BOM and soft hyphen; ZWNJ is kept: it separates words.
  const visible = stripBidiControls(stripInvisibleJoiners(stripArabicMarks(unified)));
  return foldLatinLetters(visible);
};
