// The blog's own lookups, served by the plugins' reusable controllers (their READMEs).
module.exports = {
  routes: [
    { method: 'GET', path: '/posts/slug/:slug', handler: 'api::post.lookups.bySlug' },
    {
      method: 'GET',
      path: '/posts/archive/:year/:month?/:day?',
      handler: 'api::post.lookups.archive',
    },
  ],
};
