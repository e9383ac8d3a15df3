import type { Core } from '@strapi/strapi';
import { register } from './register';
import { bootstrap } from './bootstrap';
import config from './config';
import controllers from './controllers/search';
import routes from './routes';
import { appendToIndex, rebuildIndex } from './indexer';
import saveSteps from './save-steps';
import { prepareForSave } from './hygiene';

export default {
  register,
  bootstrap,
  config,
  controllers,
  routes,
  services: {
    'save-steps': saveSteps,
    // The hygiene step for writers of many new rows at once (the importer's batch path).
    hygiene: ({ strapi }: { strapi: Core.Strapi }) => ({
      prepare: (uid: string, locale: string, data: Record<string, unknown>) =>
        prepareForSave(strapi, uid, locale, data),
    }),
    // The index for writers of many new rows at once (the importer's batch path), and its rebuild.
    index: ({ strapi }: { strapi: Core.Strapi }) => ({
      rebuild: () => rebuildIndex(strapi),
      append: (rows: Parameters<typeof appendToIndex>[1]) => appendToIndex(strapi, rows),
    }),
  },
};
