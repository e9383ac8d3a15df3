import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { withLocaleFallback } from '../../../lib/locale-fallback';
import { addScheduleFields } from '../../../scheduling/answer';

type Answer = { data?: unknown } | undefined;

/** Whether the caller may update articles (a full-access token, or a custom one holding the action). */
const mayWrite = async (strapi: Core.Strapi, auth: unknown): Promise<boolean> => {
  if (!auth) return false;
  try {
    await strapi.get('auth').verify(auth, { scope: ['api::article.article.update'] });
    return true;
  } catch {
    return false;
  }
};

export default factories.createCoreController('api::article.article', ({ strapi }) => {
  /** Schedules shown to writers (docs/api.md, "Scheduling"); answers to a token are never cached. */
  const withSchedules = async (
    ctx: { state: { auth?: unknown } },
    answer: Answer
  ): Promise<Answer> => {
    if (answer?.data && (await mayWrite(strapi, ctx.state.auth)))
      await addScheduleFields(strapi, answer.data);
    return answer;
  };

  return {
    async find(ctx) {
      return withSchedules(ctx, (await super.find(ctx)) as Answer);
    },
    async findOne(ctx) {
      return withSchedules(
        ctx,
        (await withLocaleFallback(strapi, ctx, () => super.findOne(ctx))) as Answer
      );
    },
    async create(ctx) {
      return withSchedules(ctx, (await super.create(ctx)) as Answer);
    },
    async update(ctx) {
      return withSchedules(ctx, (await super.update(ctx)) as Answer);
    },
  };
});
