module.exports = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Jalali filter values in, `<field>Jalali` siblings out (the jalali-date plugin's README).
  'plugin::jalali-date.rest',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
