import { ARABIC_INDIC_DIGITS, PERSIAN_DIGITS } from './characters';

const toLatinMap: Record<string, string> = {};
for (let d = 0; d < 10; d += 1) {
  toLatinMap[PERSIAN_DIGITS[d]] = String(d);
  toLatinMap[ARABIC_INDIC_DIGITS[d]] = String(d);
}

/** Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits to ASCII 0–9. */
export const toLatinDigits = (text: string): string =>
  text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (digit) => toLatinMap[digit]);

/** ASCII and Arabic-Indic digits to Persian digits. */
export const toPersianDigits = (text: string | number): string =>
  String(text).replace(/[0-9\u0660-\u0669]/g, (digit) => {
    const latin = toLatinMap[digit] ?? digit;
    return PERSIAN_DIGITS[Number(latin)];
  });

/** A number as Persian digits, zero-padded to `width`. */
export const padPersian = (value: number, width = 2): string =>
  toPersianDigits(String(value).padStart(width, '0'));
