import { errors } from '@strapi/utils';
import { unwritableFieldMessageFa } from '../lib/unwritable-field-message';

type Ctx = { path: string };

/**
 * Strapi refuses a write naming a field that does not exist or that only the system writes (`createdAt`,
 * `documentId`, the importer's `importKey`, the footer plugin's `footerNotes`) with `Invalid key <field>` and no word for editors: the
 * content API adds the Persian `messageFa` every other 400 of ours has, naming the same field.
 */
export default () => async (ctx: Ctx, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    if (
      ctx.path.startsWith('/api/') &&
      error instanceof errors.ValidationError &&
      error.message.startsWith('Invalid key ')
    ) {
      const { key } = (error.details ?? {}) as { key?: unknown };
      if (typeof key === 'string') {
        error.details = { ...error.details, messageFa: unwritableFieldMessageFa(key) };
      }
    }
    throw error;
  }
};
