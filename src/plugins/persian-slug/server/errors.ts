import { errors } from '@strapi/utils';
import { SlugError, SlugErrorCode } from '../core';

const SLUG_TAKEN = 'SLUG_TAKEN';
/** What a write may be refused with: a title with nothing to make a slug of, a typed slug not canonical, or taken. */
export const SLUG_WRITE_ERROR_CODES: ReadonlyArray<SlugErrorCode | typeof SLUG_TAKEN> = [
  'EMPTY_SLUG',
  'INVALID_SLUG',
  SLUG_TAKEN,
];

/** Persian for the editor (message and field error), English and a code for API clients and logs. */
export const toValidationError = (error: SlugError, field: string) =>
  new errors.ValidationError(error.messageFa, {
    code: error.code,
    message: error.message,
    errors: [{ path: [field], message: error.messageFa, name: 'ValidationError' }],
  });

export const slugTakenError = (slug: string, field: string) =>
  new errors.ValidationError(
    `نامک «${slug}» را خبر دیگری دارد؛ نامک دیگری بنویسید یا آن را خالی بگذارید تا ساخته شود.`,
    {
      code: SLUG_TAKEN,
      message: `The slug "${slug}" is already used by another document in this locale.`,
      errors: [
        { path: [field], message: `نامک «${slug}» را خبر دیگری دارد.`, name: 'ValidationError' },
      ],
    }
  );
