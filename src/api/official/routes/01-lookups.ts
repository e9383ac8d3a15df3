import { slugLookup } from '../../../lib/openapi-route';

/** Lookup by slug (current or old, which redirects). */
export default {
  routes: [
    {
      method: 'GET',
      path: '/officials/slug/:slug',
      handler: 'api::official.by-slug.findOne',
      openapi: slugLookup('ApiOfficialOfficialDocument', '/officials/:id', 'اصغر-سلیمی'),
    },
  ],
};
