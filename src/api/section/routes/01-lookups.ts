import { slugLookup } from '../../../lib/openapi-route';

/** Lookup by slug (current or old, which redirects), open to whoever may read one by id. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/sections/slug/:slug',
      handler: 'api::section.by-slug.findOne',
      config: { auth: { scope: ['api::section.section.findOne'] } },
      openapi: slugLookup('ApiSectionSectionDocument', '/sections/:id', 'دفاتر-پیشخوان'),
    },
  ],
};
