import { factories } from '@strapi/strapi';
import { withLocaleFallback } from '../../../lib/locale-fallback';
import { jalaliArchive, slugLookups } from '../../../lib/plugin-controllers';

const UID = 'api::article.article';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async findOne(ctx) {
    return withLocaleFallback(strapi, ctx, () => super.findOne(ctx));
  },

  async findBySlug(ctx) {
    return slugLookups(strapi).bySlug(ctx, UID, () => this.findOne(ctx, undefined as never));
  },

  async findByNewsCode(ctx) {
    return slugLookups(strapi).byNewsCode(ctx, UID, () => this.findOne(ctx, undefined as never));
  },

  async archive(ctx) {
    return jalaliArchive(strapi).archive(ctx, UID, () => this.find(ctx, undefined as never));
  },
}));
