import { toPersianDigits } from '@pishkhan/persian-text-rules';

export const SLUG_ERROR_CODES = ['EMPTY_SLUG', 'MALFORMED_SLUG', 'INVALID_SLUG'] as const;
export type SlugErrorCode = (typeof SLUG_ERROR_CODES)[number];

/**
 * A slug that cannot be built or read from what an editor or a visitor supplied. `message` is English
 * for logs and API clients; `messageFa` is shown to the editor in the admin.
 */
export class SlugError extends Error {
  readonly code: SlugErrorCode;

  readonly messageFa: string;

  constructor(code: SlugErrorCode, message: string, messageFa: string) {
    super(message);
    this.name = 'SlugError';
    this.code = code;
    this.messageFa = messageFa;
  }
}

/** Callers in plain JavaScript may pass a missing field; say so instead of failing inside a string method. */
export const assertString: (value: unknown, what: string) => asserts value is string = (
  value,
  what
) => {
  if (typeof value !== 'string')
    throw new TypeError(`${what} must be a string, got ${typeof value}.`);
};

/** The input quoted for a message, short enough for a log line and never cutting a surrogate pair. */
const quote = (text: string): string => {
  const codePoints = Array.from(text);
  return JSON.stringify(codePoints.length > 40 ? `${codePoints.slice(0, 40).join('')}…` : text);
};

export const emptyTitleError = (title: string): SlugError =>
  new SlugError(
    'EMPTY_SLUG',
    `Cannot build a slug from ${quote(title)}: it has no Persian letters, Latin letters or digits.`,
    'از این عنوان نامکی ساخته نمی‌شود؛ نامک را دستی بنویسید.'
  );

export const emptyLookupError = (raw: string): SlugError =>
  new SlugError(
    'EMPTY_SLUG',
    `The slug ${quote(raw)} in the address has no Persian letters, Latin letters or digits.`,
    'نامک این نشانی هیچ حرف یا رقمی ندارد؛ پیوند را بررسی کنید.'
  );

export const malformedLookupError = (raw: string): SlugError =>
  new SlugError(
    'MALFORMED_SLUG',
    `The slug ${quote(raw)} in the address has malformed percent-encoding (a "%" not followed by a valid UTF-8 sequence).`,
    'نامک این نشانی خراب است (کدگذاری درصدی نادرست)؛ پیوند را دوباره از نشانی اصلی کپی کنید.'
  );

export const invalidSlugError = (slug: string, maxLength: number): SlugError =>
  new SlugError(
    'INVALID_SLUG',
    `${quote(slug)} is not a canonical slug: use Persian letters, a-z and 0-9 in words joined by single hyphens, at most ${maxLength} characters.`,
    `نامک فقط حروف فارسی، حروف کوچک لاتین و رقم دارد که واژه‌هایش با یک خط تیره جدا شده‌اند و حداکثر ${toPersianDigits(maxLength)} نویسه است.`
  );
