import { JalaliDateError, parseJalaliToUtc } from '../jalali';
import { instantToMs } from '../jalali/instant';

/**
 * Scheduled publishing, framework-free: when a time counts as "in the future", how schedule input is read
 * (an ISO instant or a Jalali date-time in Tehran time), and how late a run was. The database decides which
 * rows are due and who runs them (table.ts); this decides what the times mean.
 */

export type ScheduleAction = 'publish' | 'unpublish';

export interface ScheduleInput {
  /** When the draft goes live (ms since the epoch), or undefined to leave the publish time as it is. */
  publishAt?: number;
  /** When the live version is withdrawn; null removes an expiry, undefined leaves it. */
  unpublishAt?: number | null;
}

/** A refusal of schedule input: `message` in English for API clients, `messageFa` for editors. */
export class ScheduleInputError extends Error {
  constructor(
    message: string,
    readonly messageFa: string,
    readonly field: string
  ) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}

/** The moment of a stored or given date (Date, ISO string, epoch ms), or null when there is none. */
export const momentOf = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
};

/** A publish with this `publishedOn` is scheduled instead of done now. */
export const isFuture = (value: unknown, now: number): boolean => {
  const at = momentOf(value);
  return at !== null && at > now;
};

/** ISO with Z or an offset (`2027-03-20T08:00:00Z`), or Jalali in Tehran time (`1405/12/29 11:30`, any digits). */
export const parseScheduleTime = (value: unknown, field: string): number => {
  if (typeof value !== 'string' || !value.trim()) {
    throw new ScheduleInputError(
      `${field} must be a date-time: ISO 8601 with Z or an offset, or a Jalali date-time in Tehran time`,
      `${field} باید تاریخ و ساعت باشد (مثلاً ۱۴۰۵/۱۲/۲۹ ۱۱:۳۰)`,
      field
    );
  }
  const text = value.trim();
  try {
    return /^\d{4}-\d{2}-\d{2}T/.test(text) ? instantToMs(text) : parseJalaliToUtc(text).getTime();
  } catch (error) {
    const messageFa =
      error instanceof JalaliDateError ? error.messageFa : `تاریخ ${field} نامعتبر است`;
    throw new ScheduleInputError(`${field}: ${(error as Error).message}`, messageFa, field);
  }
};

/**
 * Reads `{ publishAt?, unpublishAt? }` (unpublishAt may be null to remove an expiry). Both must be in the
 * future, and an expiry must come after the publish time it follows (given or already `pendingPublishAt`).
 */
export const readScheduleInput = (
  body: unknown,
  now: number,
  pendingPublishAt: number | null
): ScheduleInput => {
  const data = (
    body && typeof body === 'object' ? ((body as { data?: unknown }).data ?? body) : {}
  ) as Record<string, unknown>;
  const input: ScheduleInput = {};
  if (data.publishAt !== undefined && data.publishAt !== null)
    input.publishAt = parseScheduleTime(data.publishAt, 'publishAt');
  if (data.unpublishAt === null) input.unpublishAt = null;
  else if (data.unpublishAt !== undefined)
    input.unpublishAt = parseScheduleTime(data.unpublishAt, 'unpublishAt');
  if (input.publishAt === undefined && input.unpublishAt === undefined) {
    throw new ScheduleInputError(
      'Give publishAt (when the draft goes live) and/or unpublishAt (when the story is withdrawn)',
      'زمان انتشار (publishAt) یا زمان پایان انتشار (unpublishAt) را بدهید',
      'publishAt'
    );
  }
  if (input.publishAt !== undefined && input.publishAt <= now) {
    throw new ScheduleInputError(
      'publishAt must be in the future',
      'زمان انتشار باید در آینده باشد',
      'publishAt'
    );
  }
  if (typeof input.unpublishAt === 'number') {
    const after = input.publishAt ?? pendingPublishAt ?? now;
    if (input.unpublishAt <= after) {
      throw new ScheduleInputError(
        'unpublishAt must be in the future and after publishAt',
        'زمان پایان انتشار باید در آینده و پس از زمان انتشار باشد',
        'unpublishAt'
      );
    }
  }
  return input;
};

/** A schedule due this long before the scheduler started was missed while no instance ran. */
export const MISSED_AFTER_MS = 5_000;

export const wasMissed = (dueAt: number, startedAt: number): boolean =>
  dueAt < startedAt - MISSED_AFTER_MS;

/** How late a run was: never negative (the database clock may be a little ahead of ours). */
export const latenessMs = (dueAt: number, ranAt: number): number => Math.max(0, ranAt - dueAt);
