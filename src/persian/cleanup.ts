import { ARABIC_MARKS, BIDI_CONTROLS, INVISIBLE_JOINERS, TATWEEL } from './characters';

export const stripBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

export const stripTatweel = (text: string): string => text.split(TATWEEL).join('');

export const stripArabicMarks = (text: string): string => text.replace(ARABIC_MARKS, '');

/** Tatweel, ZWJ, BOM and soft hyphen: removed without splitting the word they sit in. */
export const stripInvisibleJoiners = (text: string): string => text.replace(INVISIBLE_JOINERS, '');
