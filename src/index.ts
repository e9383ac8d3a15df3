import type { Core } from '@strapi/strapi';
import { registerArticleDocumentHooks } from './api/article/document-hooks';
import { ensureDefaultLocale } from './bootstrap/locales';
import { registerPublishedOnlyReads } from './bootstrap/published-only-reads';
import { grantPublicActions, PUBLIC_ACTIONS } from './bootstrap/public-permissions';
import { seedDemoContent } from './demo/seed-demo';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPublishedOnlyReads(strapi);
    registerArticleDocumentHooks(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDefaultLocale(strapi);
    await grantPublicActions(strapi, PUBLIC_ACTIONS);
    if (process.env.SEED_DEMO !== 'false') await seedDemoContent(strapi);
  },
};
