import { errors } from '@strapi/utils';
import { SlugError } from '../core';

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
      code: 'SLUG_TAKEN',
      message: `The slug "${slug}" is already used by another document in this locale.`,
      errors: [
        { path: [field], message: `نامک «${slug}» را خبر دیگری دارد.`, name: 'ValidationError' },
      ],
    }
  );
