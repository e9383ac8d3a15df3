/** Lookups by slug (current or old, which redirects) and by news code, answered like findOne. */
export default {
  routes: [
    { method: 'GET', path: '/articles/slug/:slug', handler: 'api::article.article.findBySlug' },
    { method: 'GET', path: '/articles/code/:newsCode', handler: 'api::article.article.findByNewsCode' },
  ],
};
