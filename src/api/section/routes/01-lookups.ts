import { slugLookup } from '../../../lib/openapi-route';

/** Lookup by slug (current or old, which redirects). */
export default {
  routes: [
    {
      method: 'GET',
      path: '/sections/slug/:slug',
      handler: 'api::section.by-slug.findOne',
      openapi: slugLookup('ApiSectionSectionDocument', '/sections/:id', 'دفاتر-پیشخوان'),
    },
  ],
};
