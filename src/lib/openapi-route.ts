/**
 * Helpers for the `openapi` declarations kept next to our content-API routes: what each route answers,
 * as JSON Schema, read by `npm run contract` (scripts/contract/openapi.js) into docs/openapi.json.
 * Strapi ignores the key; a route without one stops the generation.
 */
type Schema = Record<string, unknown>;

export const schemaRef = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** `{ data: <entry>, meta }`, as findOne answers. */
export const oneEntry = (document: string): Schema => ({
  type: 'object',
  properties: { data: schemaRef(document), meta: { type: 'object', properties: { localeFallback: schemaRef('LocaleFallback') } } },
  required: ['data', 'meta'],
  additionalProperties: false,
});

/** `{ data: [<entry>], meta: { pagination } }`, as find answers. */
export const entryList = (document: string): Schema => ({
  type: 'object',
  properties: {
    data: { type: 'array', items: schemaRef(document) },
    meta: { type: 'object', properties: { pagination: schemaRef('Pagination') }, required: ['pagination'], additionalProperties: false },
  },
  required: ['data', 'meta'],
  additionalProperties: false,
});

const localeQuery = { name: 'locale', in: 'query', required: false, schema: { type: 'string', examples: ['fa', 'en'] } };

/** GET /api/<type>/slug/:slug: the entry, or a 301 to its current slug. */
export const slugLookup = (document: string, findOnePath: string, example: string) => ({
  summary: 'An entry by its slug (an old slug redirects to the current one)',
  params: { slug: { type: 'string', description: 'The slug, as is or percent-encoded; normalised with the slug rule', examples: [example] } },
  queryOf: { path: findOnePath },
  query: [localeQuery],
  responses: {
    200: { description: 'The published entry of the live slug', schema: oneEntry(document) },
    301: {
      description: 'An old slug: `Location` is the current address',
      headers: { Location: { schema: { type: 'string' }, description: '/api/<type>/slug/<current>?locale=<locale>' } },
      schema: schemaRef('SlugRedirect'),
    },
  },
});
