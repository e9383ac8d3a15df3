import { scheduleRoutes } from '../../../scheduling/openapi';

/**
 * A story's schedule: read, set or move (publish time and expiry), cancel. Only callers who may update
 * articles reach them (a full-access token, or a custom one holding `api::article.article.update`): the
 * scope is the article's update action, so read-only tokens and the public role are refused by Strapi.
 */
const WRITE_ACCESS = { auth: { scope: ['api::article.article.update'] } };

export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/:documentId/schedule',
      handler: 'api::article.schedule.findOne',
      config: WRITE_ACCESS,
      openapi: scheduleRoutes.get,
    },
    {
      method: 'PUT',
      path: '/articles/:documentId/schedule',
      handler: 'api::article.schedule.update',
      config: WRITE_ACCESS,
      openapi: scheduleRoutes.put,
    },
    {
      method: 'DELETE',
      path: '/articles/:documentId/schedule',
      handler: 'api::article.schedule.delete',
      config: WRITE_ACCESS,
      openapi: scheduleRoutes.delete,
    },
  ],
};
