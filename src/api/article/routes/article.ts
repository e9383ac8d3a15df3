import { factories } from '@strapi/strapi';
import { LIST_CURSOR_ERROR_CODES } from '../../../lib/list-cursor';
import { cursorQuery, type CoreRouteContract } from '../../../lib/openapi-route';

const UID = 'api::article.article';

/** The list's cursor (src/lib/list-cursor.ts): its parameter and refusals, added to the core route's contract. */
const listContract: CoreRouteContract = {
  description:
    'Sorted `publishedOn:desc`, each page carries `meta.pagination.nextCursor`; `?cursor=<nextCursor>` ' +
    'answers the next page from there (same filters, locale, populate and `pagination[pageSize]`; no ' +
    'page number, offset or count), as fast at any depth.',
  query: [cursorQuery],
  errorCodes: { 400: LIST_CURSOR_ERROR_CODES },
  pagination: 'CursorPagination',
};

const core = factories.createCoreRouter(UID);

export default {
  type: core.type,
  prefix: core.prefix,
  get routes() {
    const routes = core.routes as unknown as Array<{
      handler: unknown;
      openapi?: CoreRouteContract;
    }>;
    for (const route of routes) if (route.handler === `${UID}.find`) route.openapi = listContract;
    return routes;
  },
};
