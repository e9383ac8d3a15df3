import { setImmediate as nextTurn } from 'timers/promises';
import type { Core } from '@strapi/strapi';

/**
 * The longest one request (or, outside requests, one transaction) keeps the event loop before other
 * requests get a turn. Long enough that an ordinary save never yields: a yield interleaves concurrent
 * requests, and with four connections that cost a list page a quarter more CPU than plain Strapi's at
 * 10 ms timed across requests (bench/findings.md §16).
 */
const TURN_MS = 25;
/**
 * The same for statements on SQLite's read-only connection. Reads are bounded (page sizes, GraphQL's
 * cost limit) and hold the loop as plain Strapi's do; a GraphQL list page takes 20–26 ms of CPU, so at
 * TURN_MS a share of them yielded midway and the list cost ×1.13–1.15 plain's CPU (findings §17). Only
 * an unusually long read is broken up.
 */
const READ_TURN_MS = 100;

/** Counts the event loop's turns; a stretch begun in an earlier turn has ended. */
let turn = 0;
let turnQueued = false;
const loopTurned = (): void => {
  turn += 1;
  turnQueued = false;
};

type Stretch = { turn: number; started: number };
/** Per request; outside one, per knex client (a transaction runs on a client of its own). */
const stretches = new WeakMap<object, Stretch>();

/** Whether the statements of `work` have held the loop for `limit` ms since it last turned. */
const turnDue = (work: object, limit: number): boolean => {
  const now = performance.now();
  if (!turnQueued) {
    turnQueued = true;
    setImmediate(loopTurned);
  }
  const stretch = stretches.get(work);
  if (stretch?.turn === turn) return now - stretch.started >= limit;
  stretches.set(work, { turn, started: now });
  return false;
};

const TURNS_GIVEN = Symbol.for('pishkhan.turnsGivenBetweenStatements');

type SqliteDialect = {
  _query(connection: unknown, query: unknown): Promise<unknown>;
  [TURNS_GIVEN]?: true;
};

/**
 * better-sqlite3 answers synchronously, so the statements of a long save (a 5,000-block body is some
 * 15,000: component rows, their links, the read after) resolve one after another as microtasks and the
 * event loop never turns: `/_health` waited up to 300 ms at a time. Each statement is a point where a
 * request that has held the loop for TURN_MS lets waiting requests run. The stretch is the request's
 * own, not the loop's: several short requests served in one turn each run start to end, as they do on
 * plain Strapi. Knex builds a transaction's client from the dialect's prototype, so the prototype is
 * where every statement passes. PostgreSQL's statements wait on the network and give turns by
 * themselves.
 */
export const giveTurnsBetweenStatements = (strapi: Core.Strapi): void => {
  if (strapi.db.config.connection.client !== 'sqlite') return;
  const dialect = Object.getPrototypeOf(strapi.db.connection.client) as SqliteDialect;
  if (dialect[TURNS_GIVEN]) return;
  const query = dialect._query;
  dialect._query = function (this: SqliteDialect, connection, statement) {
    const limit = (connection as { readonly?: boolean }).readonly ? READ_TURN_MS : TURN_MS;
    if (turnDue(strapi.requestContext.get() ?? this, limit))
      return nextTurn().then(() => query.call(this, connection, statement));
    return query.call(this, connection, statement);
  };
  dialect[TURNS_GIVEN] = true;
};
