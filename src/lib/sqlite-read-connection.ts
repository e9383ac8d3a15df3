import knex, { type Knex } from 'knex';
import type { Core } from '@strapi/strapi';

/**
 * On the state of a request that only reads (see `isReadOnlyRequest`): how many of its entity-manager
 * writes are under way, during which it uses the write connection. Kept on the request, found through
 * Strapi's request context, not in an AsyncLocalStorage of its own: every promise of every request pays
 * for each storage entered (its init hook copies the store), about 1,200 promises a GraphQL findOne.
 */
const READ_ONLY = Symbol('read-only request');
type ReadOnlyMark = { writes: number };
type MarkedState = { [READ_ONLY]?: ReadOnlyMark };

/**
 * GET and HEAD of the content API, and GraphQL documents that hold no mutation. Deliberately coarse: a
 * request wrongly taken for a write only waits as before; one wrongly taken for a read fails at once
 * ("attempt to write a readonly database"), it never writes on the read connection.
 */
export const isReadOnlyRequest = (ctx: {
  method: string;
  path: string;
  request: { body?: unknown };
}): boolean => {
  if (ctx.path === '/graphql') {
    const query = (ctx.request.body as { query?: unknown } | undefined)?.query;
    if (ctx.method === 'POST')
      return typeof query === 'string' && !/\b(?:mutation|subscription)\b/.test(query);
    return ctx.method === 'GET';
  }
  return (ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith('/api/');
};

/** Marks a request as one that only reads: its database work goes to the read connection, where there is one. */
export const markReadOnly = (ctx: { state: object }): void => {
  (ctx.state as MarkedState)[READ_ONLY] = { writes: 0 };
};

/** Entity-manager methods that only read; every other one (create, update, relations, …) writes. */
const READS = new Set([
  'findOne',
  'findMany',
  'count',
  'populate',
  'load',
  'loadPages',
  'createQueryBuilder',
  'getRepository',
]);

/**
 * SQLite has one writer, and Strapi reaches it through a knex pool of one connection. Strapi 5 wraps
 * even findMany and findOne in a transaction (document-service `wrapInTransaction`), so while a long save
 * held that connection from its validation to its commit, every reader queued behind it (up to 1.3 s for
 * 1,000 paragraphs). In WAL mode a second, read-only connection reads the last committed state (a
 * snapshot) without ever taking a lock the writer holds, so it never waits and never blocks (a
 * synchronous busy wait in better-sqlite3 would block the whole event loop).
 *
 * `strapi.db.connection` becomes a getter: inside a read-only request it is the read connection, so both
 * Strapi's transactions (`db.transaction` opens `this.connection.transaction()`) and its plain queries
 * (`db.getConnection`) read there; everywhere else it is the one write connection. A read-only request
 * that still writes through the entity manager (an API token's hourly `lastUsedAt`, an e-mail
 * confirmation) uses the write connection while that write is under way. PostgreSQL has a pool of connections and
 * readers never wait on a writer there: nothing changes.
 */
export const serveReadsFromSecondConnection = (strapi: Core.Strapi): void => {
  const db = strapi.db as unknown as {
    connection: Knex;
    config: { connection: { client: string; connection: { filename?: string } } };
    entityManager: Record<string, unknown>;
    destroy(): Promise<void>;
  };
  const { client, connection } = db.config.connection;
  const filename = connection.filename;
  if (client !== 'sqlite' || !filename || filename === ':memory:') return;

  const markOf = (): ReadOnlyMark | undefined =>
    (strapi.requestContext.get()?.state as MarkedState | undefined)?.[READ_ONLY];
  const write = db.connection;
  // A few connections so that one reader's transaction, open across its populate queries, does not make
  // the next reader wait; better-sqlite3 runs one statement at a time anyway.
  const read = knex({
    client: 'better-sqlite3',
    connection: { filename, options: { readonly: true } },
    useNullAsDefault: true,
    pool: { min: 0, max: 4 },
  });
  Object.defineProperty(db, 'connection', {
    configurable: true,
    get: () => (markOf()?.writes === 0 ? read : write),
  });

  // While a read-only request writes, all its database work uses the write connection: a read of it
  // running at the same time only waits, as any request's would.
  for (const [name, method] of Object.entries(db.entityManager)) {
    if (typeof method !== 'function' || READS.has(name)) continue;
    db.entityManager[name] = (...args: unknown[]) => {
      const mark = markOf();
      if (!mark) return method.apply(db.entityManager, args);
      mark.writes += 1;
      const done = () => {
        mark.writes -= 1;
      };
      let result: unknown;
      try {
        result = method.apply(db.entityManager, args);
      } catch (error) {
        done();
        throw error;
      }
      if (result instanceof Promise) return result.finally(done);
      done();
      return result;
    };
  }

  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await read.destroy();
    await destroy();
  };
};
