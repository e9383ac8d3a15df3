/** Lookups by slug (current or old, which redirects), by news code, and the Jalali archive. */
export default {
  routes: [
    { method: 'GET', path: '/articles/slug/:slug', handler: 'api::article.by-slug.findOne' },
    { method: 'GET', path: '/articles/code/:newsCode', handler: 'api::article.by-news-code.findOne' },
    { method: 'GET', path: '/articles/archive/:year/:month?/:day?', handler: 'api::article.archive.find' },
  ],
};
