import { errors } from '@strapi/utils';
import { paginationProblem } from '../lib/pagination-range';

type Ctx = { path: string; query: Record<string, unknown> };

/** PostgreSQL's codes for a value that does not fit its column's type (SQLite compares anything). */
const BAD_VALUE_CODES = new Set(['22P02', '22007', '22008', '22003', '22018']);

/** What Strapi's number and big-integer fields throw for a value that is not a finite number. */
const NOT_A_NUMBER = /^Expected a valid (?:Number|BigInteger), got ([\s\S]*)$/;

/** The `filters[…]` path holding `value`, as the client wrote it. */
const filterPath = (node: unknown, value: string, path: string): string | undefined => {
  if (node === value) return path;
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [key, child] of Object.entries(node)) {
    const found = filterPath(child, value, `${path}[${key}]`);
    if (found) return found;
  }
  return undefined;
};

/**
 * Strapi silently clamps an oversized page to `maxLimit`, takes `1e20` or a 20-digit number for a page
 * (and answers it, or fails in the database with a 500), and reads page -1 as page 1. The content API
 * refuses every pagination number outside its range with a 400 naming it instead. Likewise a filter value
 * the database cannot compare with its column (`id > '0 UNION …'` on PostgreSQL, `newsCode = abc`) is the
 * client's error, a 400.
 */
export default () => async (ctx: Ctx, next: () => Promise<void>) => {
  if (!ctx.path.startsWith('/api/')) return next();
  const problem = paginationProblem(ctx.query.pagination, (key) => `pagination[${key}]`);
  if (problem) {
    const { message, ...details } = problem;
    throw new errors.ValidationError(message, details);
  }
  try {
    await next();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && BAD_VALUE_CODES.has(code)) {
      throw new errors.ValidationError('A filter value does not fit the type of its field', {
        messageFa: 'مقدار یکی از پالایه‌ها با نوع فیلدش نمی‌خواند.',
      });
    }
    const notANumber = error instanceof Error ? NOT_A_NUMBER.exec(error.message) : null;
    const parameter = notANumber
      ? filterPath(ctx.query.filters, notANumber[1], 'filters')
      : undefined;
    if (parameter) {
      throw new errors.ValidationError(`${parameter} must be a number, got "${notANumber![1]}"`, {
        parameter,
        messageFa: `${parameter} باید عدد باشد.`,
      });
    }
    throw error;
  }
};
