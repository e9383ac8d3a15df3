import {
  cursorQuery,
  entryList,
  oneEntry,
  RouteContract,
  slugLookup,
} from '../../../lib/openapi-route';
import { JALALI_DATE_ERROR_CODES } from '@pishkhan/jalali-core';
import { LIST_CURSOR_ERROR_CODES } from '../../../lib/list-cursor';

const ARTICLE = 'ApiArticleArticleDocument';
const jalaliPart = (description: string, examples: number[]) => ({
  type: 'string',
  pattern: '^[0-9۰-۹]{1,4}$',
  description,
  examples,
});

/**
 * Lookups by slug (current or old, which redirects), by news code, and the Jalali archive. Each answers
 * to the permission of the read it is a form of (`findOne`, `find`), as the GraphQL lookups do: one
 * switch in Users & Permissions opens or closes every way to an article.
 */
const FIND_ONE = { auth: { scope: ['api::article.article.findOne'] } };
const FIND = { auth: { scope: ['api::article.article.find'] } };

export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'api::article.by-slug.findOne',
      config: FIND_ONE,
      openapi: slugLookup(
        ARTICLE,
        '/articles/:id',
        'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر'
      ),
    },
    {
      method: 'GET',
      path: '/articles/code/:newsCode',
      handler: 'api::article.by-news-code.findOne',
      config: FIND_ONE,
      openapi: {
        summary: 'An article by its news code (the stable id of /news/<newsCode>/<slug> URLs)',
        params: { newsCode: { type: 'string', pattern: '^[0-9]+$', examples: ['1'] } },
        queryOf: { path: '/articles/:id' },
        responses: { 200: { description: 'The published article', schema: oneEntry(ARTICLE) } },
      } satisfies RouteContract,
    },
    {
      method: 'GET',
      path: '/articles/archive/:year/:month?/:day?',
      handler: 'api::article.archive.find',
      config: FIND,
      openapi: {
        summary: 'Published articles of a Jalali year, month or day (Tehran time), newest first',
        params: {
          year: jalaliPart('Jalali year', [1396]),
          month: jalaliPart('Jalali month, 1–12, padded or not', [8]),
          day: jalaliPart('Jalali day, padded or not', [9]),
        },
        queryOf: { path: '/articles' },
        query: [cursorQuery],
        description:
          'Newest first, each page carries `meta.pagination.nextCursor`: `?cursor=<nextCursor>` is the next ' +
          'page, as on `/articles`.',
        errorCodes: { 400: [...JALALI_DATE_ERROR_CODES, ...LIST_CURSOR_ERROR_CODES] },
        responses: {
          200: {
            description: 'A page of the archive',
            schema: entryList(ARTICLE, 'CursorPagination'),
          },
        },
      } satisfies RouteContract,
    },
  ],
};
