import { factories } from '@strapi/strapi';
import { withLocaleFallback } from '../../../lib/locale-fallback';

export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  async findOne(ctx) {
    return withLocaleFallback(strapi, ctx, () => super.findOne(ctx));
  },
}));
