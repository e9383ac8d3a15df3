import type { Core } from '@strapi/strapi';
import { register } from './register';
import { bootstrap } from './bootstrap';
import config from './config';
import controllers from './controllers/search';
import routes from './routes';
import { rebuildIndex } from './indexer';
import saveSteps from './save-steps';

export default {
  register,
  bootstrap,
  config,
  controllers,
  routes,
  services: {
    'save-steps': saveSteps,
    index: ({ strapi }: { strapi: Core.Strapi }) => ({ rebuild: () => rebuildIndex(strapi) }),
  },
};
