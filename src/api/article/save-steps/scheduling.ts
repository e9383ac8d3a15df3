import type { Core } from '@strapi/strapi';
import { isFuture, momentOf } from '../../../scheduling/core';
import { isSchedulerWrite } from '../../../scheduling/runner';
import { removeSchedules, schedulesOf, setSchedule } from '../../../scheduling/table';
import type { AroundStep } from '@pishkhan/save-pipeline';

const UID = 'api::article.article';

type Params = {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Record<string, unknown>;
  populate?: unknown;
};
type Next = () => Promise<unknown>;
type Draft = { locale: string; publishedOn: unknown };

/**
 * The save step `article.scheduling` (around the save, inside the cache's invalidation): a publish whose `publishedOn` is still to come is stored as a schedule
 * instead, and the document stays a draft (or keeps its live version) until the scheduler publishes it.
 * Every path that publishes goes through here: the admin's publish (`publish`), REST and GraphQL writes
 * with status=published (`create`/`update`, whose own publish Strapi makes without middlewares).
 * A publish of which nothing is future passes unchanged. The scheduler's own writes pass unchanged.
 */
export const schedulingStep = (strapi: Core.Strapi): AroundStep => {
  const defaultLocale = (): Promise<string> =>
    strapi.plugin('i18n').service('locales').getDefaultLocale();

  const localesOf = async (params: Params): Promise<string[] | '*'> => {
    if (params.locale === '*') return '*';
    if (Array.isArray(params.locale)) return params.locale;
    return [params.locale ?? (await defaultLocale())];
  };

  const draftsOf = async (documentId: string, locales: string[] | '*'): Promise<Draft[]> =>
    strapi.db.query(UID).findMany({
      where: {
        documentId,
        publishedAt: { $null: true },
        ...(locales === '*' ? {} : { locale: { $in: locales } }),
      },
      select: ['locale', 'publishedOn'],
    });

  const forgetPublishSchedules = async (documentId: string, locales: string[]) => {
    for (const locale of locales)
      await removeSchedules(strapi, documentId, { locale, action: 'publish' });
  };

  /** `publish`: future locales are scheduled (their drafts are the answer), the others published now. */
  const publish = async (params: Params, next: Next) => {
    const documentId = params.documentId!;
    const now = Date.now();
    const drafts = await draftsOf(documentId, await localesOf(params));
    const future = drafts.filter((draft) => isFuture(draft.publishedOn, now));
    if (future.length === 0) {
      const result = await next();
      await forgetPublishSchedules(
        documentId,
        drafts.map((draft) => draft.locale)
      );
      return result;
    }
    const entries: unknown[] = [];
    for (const draft of future) {
      await setSchedule(strapi, {
        documentId,
        locale: draft.locale,
        action: 'publish',
        dueAt: momentOf(draft.publishedOn)!,
      });
      entries.push(
        await strapi.documents(UID).findOne({
          documentId,
          locale: draft.locale,
          status: 'draft',
          populate: params.populate,
        } as never)
      );
    }
    for (const draft of drafts.filter((one) => !future.includes(one))) {
      const published = await strapi.documents(UID).publish({ documentId, locale: draft.locale });
      entries.push(...(published?.entries ?? []));
    }
    return { documentId, entries };
  };

  /** create/update: with status=published and a future `publishedOn`, saved as a draft and scheduled. */
  const save = async (action: string, params: Params, next: Next) => {
    const [locale] = (await localesOf(params)) as string[];
    const given = params.data && 'publishedOn' in params.data;
    let publishedOn = params.data?.publishedOn;
    if (!given && action === 'update' && params.documentId) {
      publishedOn = (await draftsOf(params.documentId, [locale]))[0]?.publishedOn;
    }
    const schedule = params.status === 'published' && isFuture(publishedOn, Date.now());
    if (schedule) params.status = 'draft';
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    if (schedule) {
      await setSchedule(strapi, {
        documentId,
        locale,
        action: 'publish',
        dueAt: momentOf(publishedOn)!,
      });
    } else if (params.status === 'published') {
      await forgetPublishSchedules(documentId, [locale]);
    } else if (given && isFuture(publishedOn, Date.now())) {
      // A draft save that moves the date of a scheduled story moves its schedule with it.
      const pending = await schedulesOf(strapi, [documentId], locale);
      if (pending.some((row) => row.action === 'publish'))
        await setSchedule(strapi, {
          documentId,
          locale,
          action: 'publish',
          dueAt: momentOf(publishedOn)!,
        });
    }
    return result;
  };

  return {
    name: 'article.scheduling',
    phase: 'around',
    serves: (uid) => uid === UID,
    actions: ['publish', 'create', 'update', 'delete', 'discardDraft'],
    gives: ['scheduled'],
    async run({ action, params: saveParams }, next) {
      const params = saveParams as Params;
      if (isSchedulerWrite()) return next();
      switch (action) {
        case 'publish':
          return params.documentId ? publish(params, next) : next();
        case 'create':
        case 'update':
          return save(action, params, next);
        default: {
          // A deleted document, or a draft replaced by its live version, has nothing left to publish.
          const result = await next();
          if (params.documentId) {
            const locales = await localesOf(params);
            if (locales === '*')
              await removeSchedules(
                strapi,
                params.documentId,
                action === 'delete' ? {} : { action: 'publish' }
              );
            else
              for (const locale of locales)
                await removeSchedules(strapi, params.documentId, {
                  locale,
                  ...(action === 'delete' ? {} : { action: 'publish' as const }),
                });
          }
          return result;
        }
      }
    },
  };
};
