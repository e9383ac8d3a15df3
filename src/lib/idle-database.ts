import type { Core } from '@strapi/strapi';

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Strapi emits entry events after a write's commit without awaiting them (a populated findOne first:
 * document-service/events.js), so the last writes of a script can leave queries in flight, and
 * `strapi.destroy()` then aborts them with an unhandled "aborted" error. Waits, for at most `timeoutMs`,
 * until the connection pool is idle; call it before destroying a Strapi that wrote.
 */
export const waitForIdleDatabase = async (strapi: Core.Strapi, timeoutMs = 5000): Promise<void> => {
  const { pool } = (strapi.db.connection as unknown as { client: { pool?: Pool } }).client;
  const busy = () =>
    !!pool && pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  for (let waited = 0; busy() && waited < timeoutMs; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
};
