import type { Core } from '@strapi/strapi';
import { fitArticleListColumns } from './bootstrap/article-list-columns';
import { ensureDefaultLocale } from './bootstrap/locales';
import { registerPublishedOnlyReads } from './bootstrap/published-only-reads';
import { grantReaderActions, READER_ACTIONS } from './bootstrap/reader-permissions';
import { seedDemoContent } from './demo/seed-demo';
import { giveTurnsDuringWrites } from './lib/event-loop-turns';
import { tolerateLostConnectionRejections } from './lib/lost-connection-rejections';
import { registerSavePipeline } from './save-pipeline';

const untolerate = new WeakMap<Core.Strapi, () => void>();

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    untolerate.set(strapi, tolerateLostConnectionRejections((message) => strapi.log.warn(message)));
    registerPublishedOnlyReads(strapi);
    registerSavePipeline(strapi);
    giveTurnsDuringWrites(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDefaultLocale(strapi);
    await grantReaderActions(strapi, READER_ACTIONS);
    await fitArticleListColumns(strapi);
    if (process.env.SEED_DEMO !== 'false') await seedDemoContent(strapi);
  },

  destroy({ strapi }: { strapi: Core.Strapi }) {
    untolerate.get(strapi)?.();
  },
};
