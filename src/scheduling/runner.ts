import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { latenessMs, wasMissed } from './core';
import { claimDue, dueRows, nextDueAt, ScheduleRow, SCHEDULE_TABLE } from './table';

const UID = 'api::article.article';

/** Set while the scheduler itself publishes or unpublishes, so the scheduling step lets the write through. */
const schedulerWrites = new AsyncLocalStorage<true>();
export const isSchedulerWrite = (): boolean => schedulerWrites.getStore() === true;

/** A row that failed (the draft no longer passes validation…) is tried again this much later, not every tick. */
const RETRY_AFTER_MS = 60_000;
/** At most this many runs per tick, so a backlog does not hold one tick for minutes. */
const RUNS_PER_TICK = 500;

export interface Scheduler {
  /** Runs what is due now; resolves when nothing more is (or the per-tick bound is reached). */
  runDue(): Promise<number>;
  stop(): Promise<void>;
}

const titleOf = async (strapi: Core.Strapi, row: ScheduleRow): Promise<string> => {
  const entry = await strapi.db
    .query(UID)
    .findOne({ where: { documentId: row.documentId, locale: row.locale }, select: ['title'] });
  return (entry?.title as string | undefined) ?? '(deleted)';
};

/**
 * Publishes (or withdraws) due stories through the Document Service, exactly as an editor's publish:
 * publishedAt, the search index, slugs, cache invalidation on every instance, document events and webhooks
 * all follow. Each instance runs a timer at `intervalMs`; which instance runs a row is decided by the
 * database (claimDue). Rows already due at start were missed while no instance ran: they run first and
 * the log names them.
 */
export const startScheduler = (
  strapi: Core.Strapi,
  { intervalMs, workers }: { intervalMs: number; workers: number }
): Scheduler => {
  const startedAt = Date.now();
  let stopped = false;
  let running: Promise<number> | null = null;

  const execute = (row: ScheduleRow) =>
    schedulerWrites.run(true, async () => {
      const documents = strapi.documents(UID);
      const params = { documentId: row.documentId, locale: row.locale };
      const result =
        row.action === 'publish'
          ? await documents.publish(params)
          : await documents.unpublish(params);
      const title = await titleOf(strapi, row);
      const done = result?.entries?.length
        ? row.action === 'publish'
          ? 'published'
          : 'unpublished'
        : `had nothing to ${row.action}`;
      const late = latenessMs(row.dueAt, Date.now());
      const missed = wasMissed(row.dueAt, startedAt) ? ' (missed while no instance ran)' : '';
      strapi.log.info(
        `scheduling: ${done} «${title}» (${row.documentId}, ${row.locale}) due ${new Date(row.dueAt).toISOString()}, ${late} ms late${missed}`
      );
    });

  const postpone = async (row: ScheduleRow, error: unknown) => {
    strapi.log.error(
      `scheduling: could not ${row.action} ${row.documentId} (${row.locale}): ${(error as Error).message}; retrying in ${RETRY_AFTER_MS / 1000} s`
    );
    await strapi.db
      .connection(SCHEDULE_TABLE)
      .where({
        document_id: row.documentId,
        locale: row.locale,
        action: row.action,
        due_at: row.dueAt,
      })
      .update({ due_at: Date.now() + RETRY_AFTER_MS });
  };

  /** One claim loop; several run at once on PostgreSQL (each takes a different row), one on SQLite. */
  const worker = async (budget: { left: number }): Promise<number> => {
    let runs = 0;
    while (!stopped && budget.left > 0) {
      budget.left -= 1;
      let attempted: ScheduleRow | null = null;
      try {
        const ran = await claimDue(strapi, Date.now(), (row) => {
          attempted = row;
          return execute(row);
        });
        if (!ran) break;
        runs += 1;
      } catch (error) {
        if (!attempted) throw error;
        await postpone(attempted, error);
      }
    }
    return runs;
  };

  const runDue = async (): Promise<number> => {
    const budget = { left: RUNS_PER_TICK };
    const runs = await Promise.all(Array.from({ length: workers }, () => worker(budget)));
    return runs.reduce((sum, count) => sum + count, 0);
  };

  /**
   * Besides the interval, a timer for the earliest row due before the next tick: a story scheduled ahead
   * goes out at its moment on every instance, not up to `intervalMs` after it (a row set in the meantime
   * by another instance is still found by the next tick).
   */
  let wake: NodeJS.Timeout | null = null;
  const wakeForNext = async () => {
    const next = await nextDueAt(strapi);
    if (stopped || next === null) return;
    const wait = next - Date.now();
    if (wait <= 0 || wait >= intervalMs) return;
    if (wake) clearTimeout(wake);
    // A tick still running when the moment comes is followed by one more.
    wake = setTimeout(() => {
      wake = null;
      if (running) void running.then(tick);
      else tick();
    }, wait + 1);
    wake.unref();
  };

  const tick = () => {
    if (running || stopped) return;
    running = runDue()
      .then(async (runs) => {
        await wakeForNext();
        return runs;
      })
      .catch((error: Error) => {
        if (!stopped) strapi.log.error(`scheduling: ${error.message}`);
        return 0;
      })
      .finally(() => {
        running = null;
      });
  };

  const logMissed = async () => {
    const missed = (await dueRows(strapi, startedAt)).filter((row) =>
      wasMissed(row.dueAt, startedAt)
    );
    for (const row of missed) {
      strapi.log.warn(
        `scheduling: «${await titleOf(strapi, row)}» (${row.documentId}, ${row.locale}) was due to ${row.action} at ${new Date(row.dueAt).toISOString()} while no instance ran; running it now`
      );
    }
  };

  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void logMissed()
    .catch((error: Error) => strapi.log.error(`scheduling: ${error.message}`))
    .then(tick);

  return {
    runDue: async () => {
      if (running) await running;
      return runDue();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (wake) clearTimeout(wake);
      if (running) await running;
    },
  };
};
