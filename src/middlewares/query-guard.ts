import { errors } from '@strapi/utils';

const MAX_PAGE_SIZE = 100;

type Ctx = { path: string; query: Record<string, unknown> };

/** PostgreSQL's codes for a value that does not fit its column's type (SQLite compares anything). */
const BAD_VALUE_CODES = new Set(['22P02', '22007', '22008', '22003', '22018']);

const tooLarge = (value: unknown) => value !== undefined && (!/^[0-9]{1,6}$/.test(String(value)) || Number(value) > MAX_PAGE_SIZE);

/**
 * Strapi silently clamps an oversized page to `maxLimit`; a client asking for 10,000 rows most likely has
 * a bug, so the content API refuses it with a 400 that says the limit instead. Likewise a filter value
 * the database cannot compare with its column (`id > '0 UNION …'` on PostgreSQL) is the client's error, a 400.
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
  try {
    await next();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (ctx.path.startsWith('/api/') && typeof code === 'string' && BAD_VALUE_CODES.has(code)) {
      throw new errors.ValidationError('A filter value does not fit the type of its field', {
        messageFa: 'مقدار یکی از پالایه‌ها با نوع فیلدش نمی‌خواند.',
      });
    }
    throw error;
  }
};
