/** Lookup by slug (current or old, which redirects). */
export default {
  routes: [{ method: 'GET', path: '/officials/slug/:slug', handler: 'api::official.by-slug.findOne' }],
};
