import { isReadOnlyRequest, markReadOnly } from '../lib/sqlite-read-connection';

type Ctx = Parameters<typeof isReadOnlyRequest>[0] & { state: object };

/** Marks requests that only read, so that on SQLite they read from the second connection (src/lib/sqlite-read-connection.ts). */
export default () => (ctx: Ctx, next: () => Promise<void>) => {
  if (isReadOnlyRequest(ctx)) markReadOnly(ctx);
  return next();
};
