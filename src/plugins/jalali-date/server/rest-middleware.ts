import type { Core } from '@strapi/strapi';
import { convertJalaliFilters } from './filters';
import { addJalaliSiblings } from './decorate';
import { findJalaliAttributes, jalaliKeys } from './fields';

type Ctx = { path: string; method: string; query: Record<string, unknown>; body: unknown; status: number };

/**
 * On the content API (`/api/…`) only: Jalali filter values in, `<field>Jalali` siblings out. The admin's
 * content manager is left alone, since it writes back what it reads.
 */
export const jalaliRestMiddleware = (keys: ReadonlySet<string>) => async (ctx: Ctx, next: () => Promise<void>) => {
  if (!ctx.path.startsWith('/api/')) return next();
  if (ctx.method === 'GET' && ctx.query.filters) {
    ctx.query = { ...ctx.query, filters: convertJalaliFilters(ctx.query.filters, keys) };
  }
  await next();
  if (ctx.status < 300 && ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
    addJalaliSiblings(ctx.body, keys);
  }
};

/** Mounted as `plugin::jalali-date.rest` in config/middlewares.ts, after `strapi::errors` and `strapi::query`. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  jalaliRestMiddleware(jalaliKeys(findJalaliAttributes(strapi)));
