import {
  stripBidiControls,
  stripInvisibleJoiners,
  unifyKeyboardLetters,
} from '@pishkhan/persian-text-rules';

/** The standard footer of Iranian news agencies. */
export const DEFAULT_FOOTER_TEXT = 'انتهای پیام';

/**
 * A configured footer as it is stored and printed: Persian keyboard letters, no bidi controls or
 * tatweel, one line with single spaces. Digits are left alone: a custom text may mean them.
 */
export const normalizeFooterText = (text: string): string =>
  unifyKeyboardLetters(stripInvisibleJoiners(stripBidiControls(text)))
    .replace(/\s+/g, ' ')
    .trim();
