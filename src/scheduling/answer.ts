import type { Core } from '@strapi/strapi';
import { toJalaliFields, JalaliFields } from '../jalali';
import { schedulesOf } from './table';

const UID = 'api::article.article';

/** What a write-access caller sees of a story's schedule; never part of a public answer. */
export interface ScheduleAnswer {
  documentId: string;
  locale: string;
  /** When the draft goes live (its `publishedOn`), or null when it is not scheduled. */
  scheduledAt: string | null;
  scheduledAtJalali: JalaliFields | null;
  unpublishAt: string | null;
  unpublishAtJalali: JalaliFields | null;
  /** Whether a version is live now (the one readers get until the scheduled one replaces it). */
  live: boolean;
}

const timeFields = (dueAt: number | undefined): [string | null, JalaliFields | null] => {
  if (dueAt === undefined) return [null, null];
  const date = new Date(dueAt);
  return [date.toISOString(), toJalaliFields(date)];
};

export const scheduleAnswer = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string
): Promise<ScheduleAnswer> => {
  const rows = await schedulesOf(strapi, [documentId], locale);
  const live =
    (await strapi.db
      .query(UID)
      .count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;
  const [scheduledAt, scheduledAtJalali] = timeFields(
    rows.find((row) => row.action === 'publish')?.dueAt
  );
  const [unpublishAt, unpublishAtJalali] = timeFields(
    rows.find((row) => row.action === 'unpublish')?.dueAt
  );
  return {
    documentId,
    locale,
    scheduledAt,
    scheduledAtJalali,
    unpublishAt,
    unpublishAtJalali,
    live,
  };
};

type Item = { documentId?: string; locale?: string } & Record<string, unknown>;

/**
 * Adds `scheduledAt`, `scheduledAtJalali`, `unpublishAt` and `unpublishAtJalali` to the articles of a REST
 * answer, for callers with write access only (the controller decides): public answers never carry the keys.
 */
export const addScheduleFields = async (strapi: Core.Strapi, data: unknown): Promise<void> => {
  const items = (Array.isArray(data) ? data : data ? [data] : []) as Item[];
  const ids = [
    ...new Set(
      items.map((item) => item.documentId).filter((id): id is string => typeof id === 'string')
    ),
  ];
  const rows = await schedulesOf(strapi, ids);
  for (const item of items) {
    const mine = rows.filter(
      (row) => row.documentId === item.documentId && row.locale === item.locale
    );
    [item.scheduledAt, item.scheduledAtJalali] = timeFields(
      mine.find((row) => row.action === 'publish')?.dueAt
    );
    [item.unpublishAt, item.unpublishAtJalali] = timeFields(
      mine.find((row) => row.action === 'unpublish')?.dueAt
    );
  }
};
