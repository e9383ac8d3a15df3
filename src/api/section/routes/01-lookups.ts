/** Lookup by slug (current or old, which redirects). */
export default {
  routes: [{ method: 'GET', path: '/sections/slug/:slug', handler: 'api::section.by-slug.findOne' }],
};
