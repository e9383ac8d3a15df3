const UID = 'api::post.post';

/** The post's own find or findOne, so a lookup answers as the core route would. */
const core = (strapi, action, ctx) => () => strapi.controller(UID)[action](ctx, undefined);

module.exports = ({ strapi }) => ({
  bySlug: (ctx) =>
    strapi
      .plugin('persian-slug')
      .controller('lookup')
      .bySlug(ctx, UID, core(strapi, 'findOne', ctx)),
  archive: (ctx) =>
    strapi
      .plugin('jalali-date')
      .controller('archive')
      .archive(ctx, UID, core(strapi, 'find', ctx)),
});
