/** Code points of Persian text that several plugins need to name. */

export const ZWNJ = '\u200C';
export const ZWJ = '\u200D';
export const TATWEEL = '\u0640';
export const NBSP = '\u00A0';

export const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
export const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** LRM, RLM, ALM, the embeddings/overrides (LRE..RLO, PDF) and the isolates (LRI..PDI). */
export const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/**
 * Arabic combining marks: harakat, shadda, sukun, hamza above/below, superscript alef, Quranic marks.
 * They change neither the word nor its meaning in news text.
 */
export const ARABIC_MARKS =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;

/** Invisible and split nothing: tatweel, ZWJ, word joiner, combining grapheme joiner, BOM, soft hyphen. */
// eslint-disable-next-line no-misleading-character-class -- each joiner is matched alone, on purpose
export const INVISIBLE_JOINERS = /[\u0640\u200D\u2060\u034F\uFEFF\u00AD]/g;

/** Any horizontal space: ASCII, no-break, thin and other Unicode spaces (not line breaks). */
export const HORIZONTAL_SPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
