/** Lookups by slug (current or old, which redirects), answered like findOne. */
export default {
  routes: [
    { method: 'GET', path: '/officials/slug/:slug', handler: 'api::official.official.findBySlug' },
  ],
};
