import type { Core } from '@strapi/strapi';
import { searchArticles } from '../search';

type Ctx = { query: Record<string, unknown>; body: unknown };

const searchController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/search?q=&locale=&section=&from=&to=&pagination[page]=&pagination[pageSize]= */
  /** Named find so read-only API tokens may call it. */
  async find(ctx: Ctx) {
    const pagination = (ctx.query.pagination ?? {}) as Record<string, unknown>;
    ctx.body = await searchArticles(strapi, {
      ...ctx.query,
      page: pagination.page,
      pageSize: pagination.pageSize,
    });
  },
});

export default { search: searchController };
