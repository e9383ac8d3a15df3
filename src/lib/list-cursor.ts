import { createHmac, timingSafeEqual } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * A keyset cursor for a list read newest first by a date field (Strapi's order for `<field>:desc`: the
 * date descending, then the row id ascending). Page 1,000 by offset makes the database walk and skip
 * every entry before it (24,975 of the newest-first index at a million stories, 139 ms of SQL); a cursor
 * page starts where the last one ended, `WHERE date <= d AND (date < d OR id > i)`, which the partial
 * index (locale, date DESC, id) of src/bootstrap/list-indexes.ts reads as a range: flat at any depth.
 *
 * The cursor is the last row's date and id, as base64url JSON, signed with the app's first key (any of its
 * keys verifies, so rotating keys leaves the cursors of the last key valid): a cursor edited by a client
 * would still be a position, but not one this API handed out, so it is refused rather than guessed at.
 */

export const LIST_CURSOR_ERROR_CODES = [
  'MALFORMED_CURSOR',
  'TAMPERED_CURSOR',
  'CURSOR_WITH_OFFSET',
  'CURSOR_WITH_SORT',
] as const;
type ListCursorErrorCode = (typeof LIST_CURSOR_ERROR_CODES)[number];

/** The last row of a page: its date (null when the row has none) and its row id. */
export type Position = { date: string | null; id: number };

type Filter = Record<string, unknown>;

const SIGNATURE_BYTES = 16;
const CURSOR = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{22})$/;

const refuse = (code: ListCursorErrorCode, message: string, messageFa: string): never => {
  throw new errors.ValidationError(message, { code, parameter: 'cursor', messageFa });
};

const signature = (key: string, payload: string): Buffer =>
  createHmac('sha256', key).update(`list-cursor:${payload}`).digest().subarray(0, SIGNATURE_BYTES);

export const encodeCursor = (keys: string[], position: Position): string => {
  const payload = Buffer.from(JSON.stringify([position.date, position.id])).toString('base64url');
  return `${payload}.${signature(keys[0], payload).toString('base64url')}`;
};

/** The position a cursor of ours holds; a 400 naming what is wrong with anything else. */
export const decodeCursor = (keys: string[], raw: unknown): Position => {
  const match = typeof raw === 'string' ? CURSOR.exec(raw) : null;
  if (!match)
    return refuse(
      'MALFORMED_CURSOR',
      'cursor is not a cursor of this API: pass meta.pagination.nextCursor of the previous page as it is',
      'نشانگر صفحه (cursor) درست نیست: همان nextCursor صفحهٔ قبل را بی‌تغییر بفرستید.'
    );
  const [, payload, signed] = match;
  const given = Buffer.from(signed, 'base64url');
  if (!keys.some((key) => timingSafeEqual(signature(key, payload), given)))
    return refuse(
      'TAMPERED_CURSOR',
      'cursor was altered or made by another server (its signature does not match): pass meta.pagination.nextCursor as it is',
      'نشانگر صفحه (cursor) دست‌کاری شده یا از سرور دیگری است: همان nextCursor صفحهٔ قبل را بی‌تغییر بفرستید.'
    );
  const [date, id] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [
    string | null,
    number,
  ];
  return { date, id };
};

/** `sort` as Strapi's query parser leaves it (`a:desc`, `['a:desc']`, `{ a: 'desc' }`), as `field:order` strings. */
const sortTerms = (sort: unknown): string[] => {
  if (sort === undefined || sort === null) return [];
  if (typeof sort === 'string') return sort.split(',').map((term) => term.trim());
  if (Array.isArray(sort)) return sort.flatMap(sortTerms);
  if (typeof sort === 'object')
    return Object.entries(sort).map(([field, order]) => `${field}:${String(order)}`);
  return [String(sort)];
};

/** Whether `sort` asks exactly for Strapi's newest-first order of `field` (its id tiebreak may be spelt out). */
export const isNewestFirst = (sort: unknown, field: string): boolean => {
  const terms = sortTerms(sort).map((term) => term.toLowerCase());
  const newest = `${field.toLowerCase()}:desc`;
  return (
    (terms.length === 1 && terms[0] === newest) ||
    (terms.length === 2 && terms[0] === newest && terms[1] === 'id:asc')
  );
};

/** A cursor page is the newest-first order from a position: no page number, offset or other order with it. */
export const checkCursorQuery = (query: Record<string, unknown>, field: string): void => {
  const pagination = (query.pagination ?? {}) as Record<string, unknown>;
  const offset = ['page', 'start'].find((key) => pagination[key] !== undefined);
  if (offset)
    refuse(
      'CURSOR_WITH_OFFSET',
      `cursor and pagination[${offset}] cannot be used together: a cursor page starts after the cursor (pagination[pageSize] sets its size)`,
      `نشانگر صفحه (cursor) را با pagination[${offset}] نمی‌توان فرستاد.`
    );
  if (query.sort !== undefined && !isNewestFirst(query.sort, field))
    refuse(
      'CURSOR_WITH_SORT',
      `cursor pages the list newest first only: sort must be ${field}:desc or left out`,
      `نشانگر صفحه (cursor) فقط برای فهرست از تازه‌ترین است: sort باید ${field}:desc باشد یا فرستاده نشود.`
    );
};

/**
 * The rows after `position`, as consecutive runs each read in the list's order: the dated rows and those
 * without a date. PostgreSQL sorts NULL first in a descending order, SQLite last, and Strapi leaves it
 * to them; one OR of both runs would make SQLite walk the index from its start, so a page that reaches
 * the end of one run is filled from the next with a second query.
 */
export const runsAfter = (position: Position, field: string, nullsFirst: boolean): Filter[] => {
  const dated: Filter =
    position.date === null
      ? { [field]: { $notNull: true } }
      : {
          [field]: { $lte: position.date },
          $or: [{ [field]: { $lt: position.date } }, { id: { $gt: position.id } }],
        };
  const undated: Filter =
    position.date === null
      ? { [field]: { $null: true }, id: { $gt: position.id } }
      : { [field]: { $null: true } };
  if (nullsFirst) return position.date === null ? [undated, dated] : [dated];
  return position.date === null ? [undated] : [dated, undated];
};

/**
 * `?cursor=` on the routes of `handlers` (the content API's strict query validation refuses unknown keys).
 * Route objects are modules Node keeps: a second Strapi instance in one process (tests) finds the
 * parameter already there, which Strapi refuses to add twice.
 */
export const registerCursorParam = (strapi: Core.Strapi, handlers: string[]): void =>
  strapi.contentAPI.addQueryParams({
    cursor: {
      schema: (z) => z.string().optional(),
      matchRoute: (route) =>
        handlers.includes(route.handler as string) && !('cursor' in (route.request?.query ?? {})),
    },
  });
