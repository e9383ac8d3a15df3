import {
  stripBidiControls,
  stripTatweel,
  unifyKeyboardLetters,
} from '@pishkhan/persian-text-rules';

/**
 * What is rewritten in Persian text an editor saves: Arabic ي ى ك become ی ک, bidi control characters and
 * tatweel go. Nothing else: digits, ZWNJ and spacing stay as the editor wrote them.
 */
export const cleanEditorText = (text: string): string =>
  stripBidiControls(stripTatweel(unifyKeyboardLetters(text)));
