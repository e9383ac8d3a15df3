import { setImmediate as nextTurn } from 'timers/promises';
import type { Core } from '@strapi/strapi';

/** The longest stretch a run of statements keeps the event loop before other requests get a turn. */
const TURN_MS = 10;

/** When the stretch of statements now holding the loop began; null once the loop has turned since. */
let stretchStarted: number | null = null;
const loopTurned = (): void => {
  stretchStarted = null;
};

/**
 * Lets waiting requests run when this stretch of work has held the event loop for TURN_MS. A stretch
 * ends when the loop turns (the `setImmediate` queued at its first statement runs): a request that
 * keeps the loop less than TURN_MS never yields, so ordinary reads run start to end as they would
 * without this.
 */
const giveTurnWhenDue = async (): Promise<void> => {
  const now = performance.now();
  if (stretchStarted === null) {
    stretchStarted = now;
    setImmediate(loopTurned);
    return;
  }
  if (now - stretchStarted >= TURN_MS) await nextTurn();
};

const TURNS_GIVEN = Symbol.for('pishkhan.turnsGivenBetweenStatements');

type SqliteDialect = {
  _query(connection: unknown, query: unknown): Promise<unknown>;
  [TURNS_GIVEN]?: true;
};

/**
 * better-sqlite3 answers synchronously, so the statements of a long save (a 5,000-block body is some
 * 15,000: component rows, their links, the read after) resolve one after another as microtasks and the
 * event loop never turns: `/_health` waited up to 300 ms at a time. Each statement is a point where work
 * that has held the loop for TURN_MS lets waiting requests run. Knex builds a transaction's client from
 * the dialect's prototype, so the prototype is where every statement passes. PostgreSQL's statements
 * wait on the network and give turns by themselves.
 */
export const giveTurnsBetweenStatements = (strapi: Core.Strapi): void => {
  if (strapi.db.config.connection.client !== 'sqlite') return;
  const dialect = Object.getPrototypeOf(strapi.db.connection.client) as SqliteDialect;
  if (dialect[TURNS_GIVEN]) return;
  const query = dialect._query;
  dialect._query = async function (this: SqliteDialect, connection, statement) {
    await giveTurnWhenDue();
    return query.call(this, connection, statement);
  };
  dialect[TURNS_GIVEN] = true;
};
