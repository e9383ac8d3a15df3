import type { Core } from '@strapi/strapi';
import { coreAction, jalaliArchive } from '../../../lib/plugin-controllers';

const UID = 'api::article.article';

/** GET /api/articles/archive/:year/:month?/:day?. Named find so read-only API tokens may call it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  find: (ctx: never) =>
    jalaliArchive(strapi).archive(ctx, UID, coreAction(strapi, UID, 'find', ctx)),
});
