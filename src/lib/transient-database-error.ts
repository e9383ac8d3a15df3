/**
 * Errors that say the database is unreachable for a moment (restarting, failing over, refusing
 * connections), not that the statement was wrong: the same work may succeed when tried again.
 * PostgreSQL classes 08 (connection exception) and 57P (operator intervention), socket errors, knex's
 * pool time-out and SQLite's busy lock.
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
]);

const MESSAGES =
  /Connection (ended unexpectedly|terminated)|terminating connection|the database system is (shutting down|starting up|in recovery mode)|Timeout acquiring a connection|ECONNREFUSED|database is locked/i;

export const isTransientDatabaseError = (error: unknown): boolean => {
  const caught = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!caught || typeof caught !== 'object') return false;
  if (typeof caught.code === 'string' && CODES.has(caught.code)) return true;
  if (typeof caught.message === 'string' && MESSAGES.test(caught.message)) return true;
  return (
    caught.cause !== undefined && caught.cause !== error && isTransientDatabaseError(caught.cause)
  );
};
