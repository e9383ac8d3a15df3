import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Oversized pages are refused with a 400 rather than silently clamped.
  'global::query-limits',
  // Jalali filter values in, `<field>Jalali` siblings out, on /api/ routes only.
  'plugin::jalali-date.rest',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
