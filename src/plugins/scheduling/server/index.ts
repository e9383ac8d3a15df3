import type { Core } from '@strapi/strapi';
import { scheduleAnswer } from '../../../scheduling/answer';
import { cancelSchedule } from '../../../scheduling/commands';

type Ctx = { params: { documentId: string }; query: { locale?: unknown }; body: unknown };

/**
 * The admin's side of scheduling (the scheduler itself, the save step and the content API are the app's:
 * src/scheduling). Routes for the edit view's panel: read and cancel a story's schedule. Moving it is
 * the date picker's job: a draft saved with a later publishedOn moves its schedule.
 */
const UPDATE_ARTICLES = {
  name: 'admin::hasPermissions',
  config: { actions: [['plugin::content-manager.explorer.update', 'api::article.article']] },
};

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  // A version not saved yet in this locale (a translation being written) simply has no schedule.
  const target = async (ctx: Ctx) =>
    typeof ctx.query.locale === 'string' && ctx.query.locale
      ? ctx.query.locale
      : ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
  return {
    async findOne(ctx: Ctx) {
      ctx.body = await scheduleAnswer(strapi, ctx.params.documentId, await target(ctx));
    },
    async delete(ctx: Ctx) {
      const locale = await target(ctx);
      await cancelSchedule(strapi, ctx.params.documentId, locale);
      ctx.body = await scheduleAnswer(strapi, ctx.params.documentId, locale);
    },
  };
};

export default {
  controllers: { schedule: controller },
  routes: {
    admin: {
      type: 'admin',
      routes: [
        { method: 'GET', path: '/articles/:documentId', handler: 'schedule.findOne', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'DELETE', path: '/articles/:documentId', handler: 'schedule.delete', config: { policies: ['admin::isAuthenticatedAdmin', UPDATE_ARTICLES] } },
      ],
    },
  },
};
