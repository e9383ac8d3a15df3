import { errors } from '@strapi/utils';
import type { Message } from '../core';

/** Persian for the editor (message and field error), English and a code for API clients and logs. */
export const footerValidationError = (
  code: string,
  message: Message,
  path: Array<string | number>
) =>
  new errors.ValidationError(message.fa, {
    code,
    message: message.en,
    errors: [{ path, message: message.fa, name: 'ValidationError' }],
  });
