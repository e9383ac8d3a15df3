import {
  HORIZONTAL_SPACE,
  foldLettersForMatching,
  stripArabicMarks,
  stripBidiControls,
  stripInvisibleJoiners,
  toLatinDigits,
} from '@pishkhan/persian-text-rules';

/**
 * The form footer patterns are matched against: no bidi controls, tatweel, joiners or harakat, letters
 * folded as for search, Latin digits, every horizontal space a plain space. ZWNJ is kept: the patterns
 * say where it may stand. Every rule maps one character to at most one, so `canonicalOrigins` can point
 * a match back into the original text.
 */
export const canonicalize = (text: string): string =>
  toLatinDigits(
    foldLettersForMatching(stripArabicMarks(stripInvisibleJoiners(stripBidiControls(text))))
  ).replace(HORIZONTAL_SPACE, ' ');

/** `origins[i]` is the index in `text` of the character that became `canonicalize(text)[i]`. */
export const canonicalOrigins = (text: string): number[] => {
  const origins: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (canonicalize(text[i]) !== '') origins.push(i);
  }
  return origins;
};
