import { factories } from '@strapi/strapi';
import { withLocaleFallback } from '../../../lib/locale-fallback';
import { lookups } from '../../../lib/lookups';

const UID = 'api::article.article';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async findOne(ctx) {
    return withLocaleFallback(strapi, ctx, () => super.findOne(ctx));
  },

  async findBySlug(ctx) {
    return lookups(strapi).bySlug(ctx, UID, async () => this.findOne(ctx, undefined as never));
  },

  async findByNewsCode(ctx) {
    return lookups(strapi).byNewsCode(ctx, UID, async () => this.findOne(ctx, undefined as never));
  },
}));
