import type { Core } from '@strapi/strapi';
import { scheduleAnswer } from '../../../scheduling/answer';
import { cancelSchedule } from '../../../scheduling/commands';
import { pendingPublishes } from '../../../scheduling/table';
import { toJalaliFields } from '../../../jalali';

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
    /** The stories scheduled to go live in a locale, soonest first, with their titles and times. */
    async find(ctx: Ctx) {
      const locale = await target(ctx);
      const rows = await pendingPublishes(strapi, locale);
      const drafts = await strapi.db.query('api::article.article').findMany({
        where: {
          documentId: { $in: rows.map((row) => row.documentId) },
          locale,
          publishedAt: { $null: true },
        },
        select: ['documentId', 'title'],
      });
      const titles = new Map(
        drafts.map((draft: { documentId: string; title: string }) => [
          draft.documentId,
          draft.title,
        ])
      );
      ctx.body = rows.map((row) => ({
        documentId: row.documentId,
        title: titles.get(row.documentId) ?? null,
        scheduledAt: new Date(row.dueAt).toISOString(),
        scheduledAtJalali: toJalaliFields(new Date(row.dueAt)),
      }));
    },
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
        {
          method: 'GET',
          path: '/articles',
          handler: 'schedule.find',
          config: { policies: ['admin::isAuthenticatedAdmin'] },
        },
        {
          method: 'GET',
          path: '/articles/:documentId',
          handler: 'schedule.findOne',
          config: { policies: ['admin::isAuthenticatedAdmin'] },
        },
        {
          method: 'DELETE',
          path: '/articles/:documentId',
          handler: 'schedule.delete',
          config: { policies: ['admin::isAuthenticatedAdmin', UPDATE_ARTICLES] },
        },
      ],
    },
  },
};
