/** Lookups by slug (current or old, which redirects), answered like findOne. */
export default {
  routes: [
    { method: 'GET', path: '/sections/slug/:slug', handler: 'api::section.section.findBySlug' },
  ],
};
