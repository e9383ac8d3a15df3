import type { Core } from '@strapi/strapi';
import { ensureDefaultLocale } from './bootstrap/locales';
import { grantPublicActions, PUBLIC_ACTIONS } from './bootstrap/public-permissions';
import { seedDemoContent } from './demo/seed-demo';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDefaultLocale(strapi);
    await grantPublicActions(strapi, PUBLIC_ACTIONS);
    if (process.env.SEED_DEMO !== 'false') await seedDemoContent(strapi);
  },
};
