import type { Core } from '@strapi/strapi';
import { coreAction, slugLookups } from '../../../lib/plugin-controllers';

const UID = 'api::article.article';

/** GET /api/articles/code/:newsCode. Named findOne so read-only API tokens may call it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  findOne: (ctx: never) =>
    slugLookups(strapi).byNewsCode(ctx, UID, coreAction(strapi, UID, 'findOne', ctx)),
});
