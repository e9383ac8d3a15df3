import { factories } from '@strapi/strapi';
import { withLocaleFallback } from '../../../lib/locale-fallback';
import { slugLookups } from '../../../lib/plugin-controllers';

const UID = 'api::official.official';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async findOne(ctx) {
    return withLocaleFallback(strapi, ctx, () => super.findOne(ctx));
  },

  async findBySlug(ctx) {
    return slugLookups(strapi).bySlug(ctx, UID, () => this.findOne(ctx, undefined as never));
  },
}));
