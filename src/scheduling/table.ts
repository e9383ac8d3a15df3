import type { Core } from '@strapi/strapi';
import type { ScheduleAction } from './core';

type Knex = Core.Strapi['db']['connection'];

export const SCHEDULE_TABLE = 'article_schedules';

export interface ScheduleRow {
  documentId: string;
  locale: string;
  action: ScheduleAction;
  dueAt: number;
}

type StoredRow = {
  id: number;
  document_id: string;
  locale: string;
  action: ScheduleAction;
  due_at: number | string;
};

const fromStored = (row: StoredRow): ScheduleRow & { id: number } => ({
  id: row.id,
  documentId: row.document_id,
  locale: row.locale,
  action: row.action,
  // PostgreSQL returns bigint as a string.
  dueAt: Number(row.due_at),
});

/** In the caller's transaction when there is one (a document write), else in one of its own. */
const inTransaction = <T>(strapi: Core.Strapi, work: (trx: Knex) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as unknown as Promise<T>;

/**
 * A table of our own rather than fields on the article: public answers never carry a schedule's keys, a
 * pending publish is one row per document, locale and action (the unique index makes a reschedule an
 * upsert), and claiming a due row is one statement the database arbitrates between instances.
 * Times are epoch milliseconds, the same on SQLite and PostgreSQL whatever the session time zone.
 */
export const ensureScheduleTable = async (strapi: Core.Strapi): Promise<void> => {
  const schema = () => strapi.db.connection.schema;
  if (await schema().hasTable(SCHEDULE_TABLE)) return;
  await schema().createTable(SCHEDULE_TABLE, (table) => {
    table.increments('id');
    table.string('document_id', 255).notNullable();
    table.string('locale', 32).notNullable();
    table.string('action', 16).notNullable();
    table.bigInteger('due_at').notNullable();
    table.unique(['document_id', 'locale', 'action'], { indexName: 'article_schedules_unique' });
    table.index(['due_at'], 'article_schedules_due');
  });
};

export const setSchedule = (strapi: Core.Strapi, row: ScheduleRow): Promise<void> =>
  inTransaction(strapi, async (trx) => {
    await trx(SCHEDULE_TABLE)
      .insert({
        document_id: row.documentId,
        locale: row.locale,
        action: row.action,
        due_at: row.dueAt,
      })
      .onConflict(['document_id', 'locale', 'action'])
      .merge(['due_at']);
  });

/** Removes schedules of a document: every action and locale unless narrowed. Returns how many. */
export const removeSchedules = (
  strapi: Core.Strapi,
  documentId: string,
  { locale, action }: { locale?: string; action?: ScheduleAction } = {}
): Promise<number> =>
  inTransaction(strapi, (trx) => {
    const query = trx(SCHEDULE_TABLE).where({ document_id: documentId });
    if (locale) query.andWhere({ locale });
    if (action) query.andWhere({ action });
    return query.delete();
  });

export const schedulesOf = (
  strapi: Core.Strapi,
  documentIds: string[],
  locale?: string
): Promise<ScheduleRow[]> =>
  inTransaction(strapi, async (trx) => {
    if (documentIds.length === 0) return [];
    const query = trx(SCHEDULE_TABLE).whereIn('document_id', documentIds);
    if (locale) query.andWhere({ locale });
    return ((await query.select()) as StoredRow[]).map(fromStored);
  });

/**
 * Takes the earliest row due at `now` and runs `work` with it in one transaction that also deletes the
 * row: the publish and the end of the schedule commit together, or neither does (a killed instance leaves
 * the row for the next run). On PostgreSQL `FOR UPDATE SKIP LOCKED` lets each instance take a different
 * due row and never the same one; SQLite runs one write transaction at a time. Returns false when nothing
 * was due.
 */
export const claimDue = (
  strapi: Core.Strapi,
  now: number,
  work: (row: ScheduleRow) => Promise<void>
): Promise<boolean> =>
  strapi.db.transaction(async ({ trx }) => {
    const knex = trx as unknown as Knex;
    const query = knex(SCHEDULE_TABLE)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .orderBy('id')
      .first();
    if (strapi.db.config.connection.client === 'postgres') query.forUpdate().skipLocked();
    const row = (await query) as StoredRow | undefined;
    if (!row) return false;
    await work(fromStored(row));
    await knex(SCHEDULE_TABLE).where({ id: row.id }).delete();
    return true;
  }) as unknown as Promise<boolean>;

/** Rows already due: what the scheduler finds on start (missed while no instance ran). */
export const dueRows = async (strapi: Core.Strapi, now: number): Promise<ScheduleRow[]> =>
  (
    (await strapi.db
      .connection(SCHEDULE_TABLE)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .select()) as StoredRow[]
  ).map(fromStored);

/** The earliest pending due time (ms), or null when nothing is scheduled: when an instance next has work. */
export const nextDueAt = async (strapi: Core.Strapi): Promise<number | null> => {
  const row = (await strapi.db.connection(SCHEDULE_TABLE).min({ next: 'due_at' }).first()) as
    | { next: number | string | null }
    | undefined;
  return row?.next === null || row?.next === undefined ? null : Number(row.next);
};

/** Pending publishes in a locale, soonest first (the admin's list of scheduled stories). */
export const pendingPublishes = async (
  strapi: Core.Strapi,
  locale: string,
  limit = 200
): Promise<ScheduleRow[]> =>
  (
    (await strapi.db
      .connection(SCHEDULE_TABLE)
      .where({ locale, action: 'publish' })
      .orderBy('due_at')
      .limit(limit)
      .select()) as StoredRow[]
  ).map(fromStored);
