// The blog's own lookups, served by the plugins' reusable controllers (their READMEs).
module.exports = {
  routes: [
    {
      method: 'GET',
      path: '/posts/slug/:slug',
      handler: 'api::post.lookups.bySlug',
      config: { auth: { scope: ['api::post.post.findOne'] } },
    },
    {
      method: 'GET',
      path: '/posts/archive/:year/:month?/:day?',
      handler: 'api::post.lookups.archive',
      config: { auth: { scope: ['api::post.post.find'] } },
    },
  ],
};
