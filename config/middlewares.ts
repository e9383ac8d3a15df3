import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Oversized pages and filter values that do not fit their field are a 400, not a clamp or a 500.
  'global::query-guard',
  // Every JSON body read here, once: not UTF-8 → 400 with the byte offset, another charset decoded as
  // declared (unknown → 415), nesting deeper than maxDepth → 400, all before parsing
  // (docs/api.md). Before the cache, which reads GraphQL queries from the body.
  {
    name: 'global::json-body',
    config: { limit: env('JSON_BODY_LIMIT', '1mb'), maxDepth: env.int('JSON_MAX_DEPTH', 32) },
  },
  // Requests that only read use SQLite's second, read-only connection and never queue behind a long save
  // (src/lib/sqlite-read-connection.ts). After the body, which says whether a GraphQL request writes.
  'global::read-only-requests',
  // `Invalid key <field>` refusals of a write also say it in Persian (messageFa).
  'global::invalid-key-message',
  // Public reads answered from the publish-invalidated cache; wraps the Jalali middleware so it stores
  // final answers (docs/cache.md).
  'plugin::response-cache.cache',
  // Jalali filter values in, `<field>Jalali` siblings out, on /api/ routes only.
  'plugin::jalali-date.rest',
  // Multipart, forms and text; JSON is read above.
  { name: 'strapi::body', config: { json: false } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
