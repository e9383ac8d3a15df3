/** Lookups by slug (current or old, which redirects), by news code, and the Jalali archive. */
export default {
  routes: [
    { method: 'GET', path: '/articles/slug/:slug', handler: 'api::article.article.findBySlug' },
    { method: 'GET', path: '/articles/code/:newsCode', handler: 'api::article.article.findByNewsCode' },
    { method: 'GET', path: '/articles/archive/:year/:month?/:day?', handler: 'api::article.article.archive' },
  ],
};
