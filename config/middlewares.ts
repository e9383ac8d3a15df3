import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Oversized pages and filter values that do not fit their field are a 400, not a clamp or a 500.
  'global::query-guard',
  // `Invalid key <field>` refusals of a write also say it in Persian (messageFa).
  'global::invalid-key-message',
  // Public reads answered from the publish-invalidated cache; wraps the Jalali middleware so it stores
  // final answers (docs/cache.md).
  'plugin::response-cache.cache',
  // Jalali filter values in, `<field>Jalali` siblings out, on /api/ routes only.
  'plugin::jalali-date.rest',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
