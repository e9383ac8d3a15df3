/**
 * Helpers for the `openapi` declarations kept next to our content-API routes: what each route answers,
 * as JSON Schema, read by `npm run contract` (scripts/contract/openapi.js) into docs/openapi.json.
 * Strapi ignores the key; a route without one stops the generation.
 */
import type { ErrorCodes } from './error-codes';
import { SLUG_LOOKUP_ERROR_CODES } from '@pishkhan/strapi-plugin-persian-slug/core';

type Schema = Record<string, unknown>;

/** What a route's `openapi` key holds (every key but `responses` optional). */
export interface RouteContract {
  summary?: string;
  description?: string;
  /** Schemas of the path's `:parameters` (strings when not given). */
  params?: Record<string, Schema>;
  /** Query parameters of the route's own, as OpenAPI parameter objects. */
  query?: Schema[];
  /** Take the query parameters (populate, filters, …) Strapi's generator gives this core route, e.g. `/articles/:id`. */
  queryOf?: { path: string };
  requestBody?: Schema;
  /**
   * The `details.code`s of its own refusals, per status, from the modules that throw them; those of any
   * request (a JSON body, a Jalali filter: src/lib/error-codes.ts) are added to every route.
   */
  errorCodes?: ErrorCodes;
  /** Per status: `{ description, schema?, example?, headers? }`; the error statuses are added for every route. */
  responses: Record<
    number,
    { description: string; schema?: Schema; example?: unknown; headers?: Schema }
  >;
}

/** What a core route (find, findOne, …) may add to the contract Strapi's generator gives it; its answers stay the core ones. */
export type CoreRouteContract = Pick<RouteContract, 'description' | 'query' | 'errorCodes'> & {
  /** A find's `meta.pagination` schema. */
  pagination?: 'CursorPagination';
};

/** `?cursor=` of the lists that page by keyset (src/lib/list-cursor.ts). */
export const cursorQuery: Schema = {
  name: 'cursor',
  in: 'query',
  required: false,
  description:
    '`meta.pagination.nextCursor` of the previous page, as it is. Not with `pagination[page]` or ' +
    '`pagination[start]`; the order is `publishedOn:desc` (`sort` left out or that).',
  schema: { type: 'string' },
};

export const schemaRef = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** `{ data: <entry>, meta }`, as findOne answers. */
export const oneEntry = (document: string): Schema => ({
  type: 'object',
  properties: {
    data: schemaRef(document),
    meta: { type: 'object', properties: { localeFallback: schemaRef('LocaleFallback') } },
  },
  required: ['data', 'meta'],
  additionalProperties: false,
});

/** `{ data: [<entry>], meta: { pagination } }`, as find answers (`CursorPagination`: the lists with a cursor). */
export const entryList = (
  document: string,
  pagination: 'Pagination' | 'CursorPagination' = 'Pagination'
): Schema => ({
  type: 'object',
  properties: {
    data: { type: 'array', items: schemaRef(document) },
    meta: {
      type: 'object',
      properties: { pagination: schemaRef(pagination) },
      required: ['pagination'],
      additionalProperties: false,
    },
  },
  required: ['data', 'meta'],
  additionalProperties: false,
});

const localeQuery = {
  name: 'locale',
  in: 'query',
  required: false,
  schema: { type: 'string', examples: ['fa', 'en'] },
};

/** GET /api/<type>/slug/:slug: the entry, or a 301 to its current slug. */
export const slugLookup = (
  document: string,
  findOnePath: string,
  example: string
): RouteContract => ({
  summary: 'An entry by its slug (an old slug redirects to the current one)',
  params: {
    slug: {
      type: 'string',
      description: 'The slug, as is or percent-encoded; normalised with the slug rule',
      examples: [example],
    },
  },
  queryOf: { path: findOnePath },
  query: [localeQuery],
  errorCodes: { 400: SLUG_LOOKUP_ERROR_CODES },
  responses: {
    200: { description: 'The published entry of the live slug', schema: oneEntry(document) },
    301: {
      description: 'An old slug: `Location` is the current address',
      headers: {
        Location: {
          schema: { type: 'string' },
          description: '/api/<type>/slug/<current>?locale=<locale>',
        },
      },
      schema: schemaRef('SlugRedirect'),
    },
  },
});
