'use strict';
/**
 * Trial app: public may find/findOne articles; one full-access API token and one published article are
 * created at boot and written to $TRIAL_STATE (JSON). GET /_trial/reads (not under /api, never cached)
 * returns how many article reads reached the document service: a read that does not move the counter
 * was answered by a cache.
 */
const fs = require('fs');
const reads = { findMany: 0, findOne: 0, findFirst: 0, count: 0 };

module.exports = {
  register({ strapi }) {
    strapi.documents.use(async (ctx, next) => {
      if (ctx.uid === 'api::article.article' && ctx.action in reads) reads[ctx.action] += 1;
      return next();
    });
  },
  async bootstrap({ strapi }) {
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    for (const action of ['api::article.article.find', 'api::article.article.findOne']) {
      const found = await strapi.db
        .query('plugin::users-permissions.permission')
        .findOne({ where: { action, role: role.id } });
      if (!found)
        await strapi.db
          .query('plugin::users-permissions.permission')
          .create({ data: { action, role: role.id } });
    }
    const token = await strapi.service('admin::api-token').create({
      name: `trial-${Date.now()}`,
      type: 'full-access',
      lifespan: null,
      kind: 'content-api',
    });
    for (let i = 0; i < Number(process.env.TRIAL_EXTRA || 0); i++) {
      await strapi.documents('api::article.article').create({
        data: { title: `other-${i}`, body: 'متن خبر '.repeat(250) },
        status: 'published',
      });
    }
    const article = await strapi
      .documents('api::article.article')
      .create({ data: { title: 'v0', body: 'body v0' }, status: 'published' });
    strapi.server.router.get('/_trial/reads', (ctx) => {
      ctx.body = { ...reads };
    });
    // a write that goes through the document service only (as a script, an importer or a cron job would)
    strapi.server.router.post('/_trial/publish/:documentId/:title', async (ctx) => {
      const doc = await strapi.documents('api::article.article').update({
        documentId: ctx.params.documentId,
        data: { title: ctx.params.title },
        status: 'published',
      });
      ctx.body = { title: doc.title };
    });
    if (process.env.TRIAL_STATE)
      fs.writeFileSync(
        process.env.TRIAL_STATE,
        JSON.stringify({ token: token.accessKey, documentId: article.documentId })
      );
  },
};
