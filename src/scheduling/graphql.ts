import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { scheduleAnswer } from './answer';
import { cancelSchedule, scheduleStory, storyExists } from './commands';
import { ScheduleInputError } from './core';

type Nexus = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Target = { documentId: string; locale?: string };

/** The same write access as the REST routes: whoever may update articles. */
const WRITE_ACCESS = { auth: { scope: ['api::article.article.update'] } };

/**
 * `articleSchedule(documentId, locale)`, `scheduleArticle(documentId, locale, publishAt, unpublishAt)` and
 * `cancelArticleSchedule(documentId, locale)`: the REST schedule routes in GraphQL. The Article type itself
 * gets no schedule fields, so public queries cannot even ask for them.
 */
export const registerScheduleGraphql = (strapi: Core.Strapi): void => {
  if (!strapi.plugin('graphql')) return;

  const target = async ({ documentId, locale }: Target) => {
    const resolved =
      locale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
    if (!(await storyExists(strapi, documentId, resolved))) {
      throw new errors.NotFoundError(`No article ${documentId} in locale ${resolved}`, {
        messageFa: 'چنین خبری نیست',
      });
    }
    return resolved;
  };

  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: [
        nexus.objectType({
          name: 'ArticleSchedule',
          description:
            'When a story goes live and when it is withdrawn (visible to callers who may update articles)',
          definition(t: Nexus) {
            t.nonNull.id('documentId');
            t.nonNull.string('locale');
            t.field('scheduledAt', { type: 'DateTime' });
            t.field('scheduledAtJalali', { type: 'JalaliDateTime' });
            t.field('unpublishAt', { type: 'DateTime' });
            t.field('unpublishAtJalali', { type: 'JalaliDateTime' });
            t.nonNull.boolean('live', { description: 'Whether a version is live now' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: Nexus) {
            t.field('articleSchedule', {
              type: 'ArticleSchedule',
              args: {
                documentId: nexus.nonNull(nexus.idArg()),
                locale: nexus.arg({ type: 'I18NLocaleCode' }),
              },
              resolve: async (_parent: unknown, args: Target) =>
                scheduleAnswer(strapi, args.documentId, await target(args)),
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: Nexus) {
            t.field('scheduleArticle', {
              type: 'ArticleSchedule',
              description:
                'Schedules or moves a publish (ISO, or a Jalali date-time in Tehran time) and/or an expiry; unpublishAt: null removes the expiry',
              args: {
                documentId: nexus.nonNull(nexus.idArg()),
                locale: nexus.arg({ type: 'I18NLocaleCode' }),
                publishAt: nexus.stringArg(),
                unpublishAt: nexus.stringArg(),
              },
              async resolve(
                _parent: unknown,
                args: Target & { publishAt?: string | null; unpublishAt?: string | null }
              ) {
                const locale = await target(args);
                try {
                  await scheduleStory(strapi, args.documentId, locale, {
                    publishAt: args.publishAt,
                    unpublishAt: args.unpublishAt,
                  });
                } catch (error) {
                  if (error instanceof ScheduleInputError) {
                    throw new errors.ValidationError(error.message, {
                      field: error.field,
                      messageFa: error.messageFa,
                    });
                  }
                  throw error;
                }
                return scheduleAnswer(strapi, args.documentId, locale);
              },
            });
            t.field('cancelArticleSchedule', {
              type: 'ArticleSchedule',
              args: {
                documentId: nexus.nonNull(nexus.idArg()),
                locale: nexus.arg({ type: 'I18NLocaleCode' }),
              },
              async resolve(_parent: unknown, args: Target) {
                const locale = await target(args);
                await cancelSchedule(strapi, args.documentId, locale);
                return scheduleAnswer(strapi, args.documentId, locale);
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.articleSchedule': WRITE_ACCESS,
        'Mutation.scheduleArticle': WRITE_ACCESS,
        'Mutation.cancelArticleSchedule': WRITE_ACCESS,
      },
    }));
};
