import { slugLookup } from '../../../lib/openapi-route';

/** Lookup by slug (current or old, which redirects), open to whoever may read one by id. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/officials/slug/:slug',
      handler: 'api::official.by-slug.findOne',
      config: { auth: { scope: ['api::official.official.findOne'] } },
      openapi: slugLookup('ApiOfficialOfficialDocument', '/officials/:id', 'اصغر-سلیمی'),
    },
  ],
};
