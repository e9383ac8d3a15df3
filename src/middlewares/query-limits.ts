import { errors } from '@strapi/utils';

const MAX_PAGE_SIZE = 100;

type Ctx = { path: string; query: Record<string, unknown> };

const tooLarge = (value: unknown) => value !== undefined && (!/^[0-9]{1,6}$/.test(String(value)) || Number(value) > MAX_PAGE_SIZE);

/**
 * Strapi silently clamps an oversized page to `maxLimit`; a client asking for 10,000 rows most likely has
 * a bug, so the content API refuses it with a 400 that says the limit instead.
 */
export default () => async (ctx: Ctx, next: () => Promise<void>) => {
  if (ctx.path.startsWith('/api/')) {
    const pagination = (ctx.query.pagination ?? {}) as Record<string, unknown>;
    for (const key of ['pageSize', 'limit'] as const) {
      if (tooLarge(pagination[key])) {
        throw new errors.ValidationError(`pagination[${key}] must be a whole number from 0 to ${MAX_PAGE_SIZE}`, {
          messageFa: `اندازه‌ی هر صفحه حداکثر ${MAX_PAGE_SIZE} است.`,
        });
      }
    }
  }
  await next();
};
