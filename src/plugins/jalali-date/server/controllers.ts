import type { Core } from '@strapi/strapi';
import { archiveRange } from './archive';
import { findJalaliAttributes } from './fields';

type Ctx = { params: Record<string, string>; query: Record<string, unknown> };

/**
 * `GET /api/<plural>/archive/:year/:month?/:day?`: the content type's own `find` with a UTC range filter
 * on its Jalali field, newest first, so pagination, populate and sanitization are Strapi's own.
 */
const archiveController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async archive(ctx: Ctx, uid: string, find: () => Promise<unknown>) {
    const [field] = findJalaliAttributes(strapi).get(uid) ?? [];
    if (!field) throw new Error(`${uid} has no Jalali field`);
    const { start, end } = archiveRange(ctx.params);
    const range = { [field]: { $gte: start.toISOString(), $lt: end.toISOString() } };
    const filters = ctx.query.filters ? { $and: [ctx.query.filters, range] } : range;
    ctx.query = { ...ctx.query, filters, sort: ctx.query.sort ?? `${field}:desc` };
    return find();
  },
});

export default { archive: archiveController };
