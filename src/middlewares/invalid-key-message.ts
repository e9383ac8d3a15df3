import { errors } from '@strapi/utils';

type Ctx = { path: string };

/**
 * Strapi refuses a write naming a field that does not exist or that only the system writes (`createdAt`,
 * `documentId`, the importer's `importKey`) with `Invalid key <field>` and no word for editors: the
 * content API adds the Persian `messageFa` every other 400 of ours has, naming the same field.
 */
export default () => async (ctx: Ctx, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    if (ctx.path.startsWith('/api/') && error instanceof errors.ValidationError && error.message.startsWith('Invalid key ')) {
      const { key } = (error.details ?? {}) as { key?: unknown };
      if (typeof key === 'string') {
        error.details = { ...error.details, messageFa: `فیلد «${key}» را نمی‌توان نوشت: چنین فیلدی نیست یا فقط خود سامانه آن را می‌نویسد.` };
      }
    }
    throw error;
  }
};
