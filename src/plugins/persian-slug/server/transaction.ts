import type { Core } from '@strapi/strapi';

export type Knex = Core.Strapi['db']['connection'];

/** Runs in the caller's transaction when there is one (an import, a document write), else in a new one. */
export const inTransaction = <T>(
  strapi: Core.Strapi,
  work: (trx: Knex) => Promise<T>
): Promise<T> =>
  strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as unknown as Promise<T>;

/**
 * For single reads: the caller's transaction when there is one (so a write sees its own rows), else the
 * pool, without the BEGIN/COMMIT round trips a transaction of its own would cost on every lookup.
 */
export const forRead = <T>(strapi: Core.Strapi, work: (db: Knex) => Promise<T>): Promise<T> =>
  strapi.db.inTransaction() ? inTransaction(strapi, work) : work(strapi.db.connection);
