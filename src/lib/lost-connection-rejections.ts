import { isTransientDatabaseError } from './transient-database-error';

/**
 * When the database goes away mid-write, the driver fails every query in flight, and some libraries under
 * Strapi start queries they await only later, or never. Node ends the process on such a rejection: a
 * database restart would kill every instance, or an import run, that was writing. The write that needed
 * the query fails on its own path (an error answer, a retried document), so a lost connection's stray
 * rejection is only reported; any other unhandled rejection still ends the process, as Node's default.
 * Returns the function that removes the handler.
 */
export const tolerateLostConnectionRejections = (
  report: (message: string) => void
): (() => void) => {
  const onUnhandled = (reason: unknown) => {
    if (!isTransientDatabaseError(reason)) throw reason;
    report(
      `A database query failed as the connection was lost, outside any request's or document's own handling: ${(reason as Error).message ?? reason}`
    );
  };
  process.on('unhandledRejection', onUnhandled);
  return () => {
    process.off('unhandledRejection', onUnhandled);
  };
};
