import type { Core } from '@strapi/strapi';
import { toJalaliFields, JalaliFields } from '../plugins/jalali-date/core';
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

export const scheduleAnswer = async (strapi: Core.Strapi, documentId: string, locale: string): Promise<ScheduleAnswer> => {
  const rows = await schedulesOf(strapi, [documentId], locale);
  const live = (await strapi.db.query(UID).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;
  const [scheduledAt, scheduledAtJalali] = timeFields(rows.find((row) => row.action === 'publish')?.dueAt);
  const [unpublishAt, unpublishAtJalali] = timeFields(rows.find((row) => row.action === 'unpublish')?.dueAt);
  return { documentId, locale, scheduledAt, scheduledAtJalali, unpublishAt, unpublishAtJalali, live };
};
