import { Stream } from 'stream';
import type { Core } from '@strapi/strapi';
import { convertJalaliFilters } from './filters';
import { jalaliJsonOf } from './converted';
import { findJalaliAttributes, jalaliKeys } from './fields';
import { siblingsSerializer } from './siblings-json';

type Ctx = {
  path: string;
  method: string;
  query: Record<string, unknown>;
  body: unknown;
  status: number;
};

/**
 * On the content API (`/api/…`) only: Jalali filter values in, `<field>Jalali` siblings out, the answer
 * serialised here (koa sends the bytes as they are). The admin's content manager is left alone, since it
 * writes back what it reads.
 */
export const jalaliRestMiddleware = (keys: ReadonlySet<string>) => {
  const serialize = siblingsSerializer(keys, jalaliJsonOf);
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/api/')) return next();
    if (ctx.method === 'GET' && ctx.query.filters) {
      ctx.query = { ...ctx.query, filters: convertJalaliFilters(ctx.query.filters, keys) };
    }
    await next();
    const { body } = ctx;
    if (
      ctx.status < 300 &&
      body &&
      typeof body === 'object' &&
      !Buffer.isBuffer(body) &&
      !(body instanceof Stream)
    ) {
      const bytes = serialize(body);
      if (bytes) ctx.body = bytes;
    }
  };
};

/** Mounted as `plugin::jalali-date.rest` in config/middlewares.ts, after `strapi::errors` and `strapi::query`. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  jalaliRestMiddleware(jalaliKeys(findJalaliAttributes(strapi)));
