import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { scheduleAnswer } from '../../../scheduling/answer';
import { cancelSchedule, scheduleStory, storyExists } from '../../../scheduling/commands';
import { ScheduleInputError } from '../../../scheduling/core';

type Ctx = {
  params: { documentId: string };
  query: { locale?: unknown };
  request: { body?: unknown };
  body: unknown;
};

/** GET, PUT and DELETE /api/articles/:documentId/schedule (docs/api.md, "Scheduling"). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const target = async (ctx: Ctx) => {
    const locale =
      typeof ctx.query.locale === 'string' && ctx.query.locale
        ? ctx.query.locale
        : ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
    const { documentId } = ctx.params;
    if (!(await storyExists(strapi, documentId, locale))) {
      throw new errors.NotFoundError(`No article ${documentId} in locale ${locale}`, {
        messageFa: 'چنین خبری نیست',
      });
    }
    return { documentId, locale };
  };

  return {
    async findOne(ctx: Ctx) {
      const { documentId, locale } = await target(ctx);
      ctx.body = { data: await scheduleAnswer(strapi, documentId, locale) };
    },
    async update(ctx: Ctx) {
      const { documentId, locale } = await target(ctx);
      try {
        await scheduleStory(strapi, documentId, locale, ctx.request.body);
      } catch (error) {
        if (error instanceof ScheduleInputError) {
          throw new errors.ValidationError(error.message, {
            field: error.field,
            messageFa: error.messageFa,
          });
        }
        throw error;
      }
      ctx.body = { data: await scheduleAnswer(strapi, documentId, locale) };
    },
    async delete(ctx: Ctx) {
      const { documentId, locale } = await target(ctx);
      await cancelSchedule(strapi, documentId, locale);
      ctx.body = { data: await scheduleAnswer(strapi, documentId, locale) };
    },
  };
};
