import { bootApp, TestApp } from '../../harness/strapi';

/**
 * A long run of statements leaves room for other requests (issue #19). better-sqlite3 answers
 * synchronously, so without `src/lib/event-loop-turns.ts` a transaction's statements resolve one after
 * another as microtasks and a timer or an incoming request waits until the last one: a 5,000-block save
 * held `/_health` for 300 ms at a time. Here a transaction runs statements for half a second, and a
 * callback queued at its start must run long before it ends. PostgreSQL's statements give turns by
 * themselves (they wait on the network); the test holds there too.
 */
let app: TestApp;
beforeAll(async () => {
  app = await bootApp({ seed: false });
});
afterAll(async () => {
  await app?.close();
});

it('a callback queued before a long transaction runs while its statements are still running', async () => {
  let turnAt: number | null = null;
  let statementsWhenTurned = 0;
  let statements = 0;
  const started = performance.now();
  setImmediate(() => {
    turnAt = performance.now() - started;
    statementsWhenTurned = statements;
  });
  await app.strapi.db.transaction(async ({ trx }) => {
    while (performance.now() - started < 500) {
      await trx.raw('select 1');
      statements += 1;
    }
  });
  expect(turnAt).not.toBeNull();
  expect(statementsWhenTurned).toBeLessThan(statements / 2);
});

/**
 * On SQLite a short run of statements keeps the loop (our turns only break up long ones); PostgreSQL's
 * statements wait on the network, so the loop turns at each of them by itself, which is why
 * `src/lib/event-loop-turns.ts` leaves that engine alone. The tests below hold each engine to its own.
 */
const TURNS_AT_EVERY_STATEMENT = process.env.TEST_DB === 'postgres';

/** Idles for `idleMs`, then queues a callback for the loop's next turn: the answer says whether it ran. */
const watchTurnAfterIdle = async (idleMs: number): Promise<() => boolean> => {
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  let turned = false;
  setImmediate(() => {
    turned = true;
  });
  return () => turned;
};

it('a short run of statements after the loop has idled keeps it on SQLite: an ordinary read is not interleaved', async () => {
  // Idle well past the turn length: a stretch is measured from its own first statement, not from
  // the last turn given (which made every request after a pause yield at its first statement).
  const turned = await watchTurnAfterIdle(50);
  for (let i = 0; i < 5; i += 1) await app.strapi.db.connection.raw('select 1');
  expect(turned()).toBe(TURNS_AT_EVERY_STATEMENT);
});

/**
 * Runs four 10 ms units of statements one after another after an idle spell, and says whether the loop
 * turned meanwhile. 40 ms in all: each unit's own time is well under the turn length (25 ms), their sum is not.
 */
const turnedDuringFourUnits = async (unit: (begun: number) => Promise<unknown>) => {
  const turned = await watchTurnAfterIdle(20);
  const started = performance.now();
  for (let i = 0; i < 4; i += 1) await unit(performance.now());
  expect(performance.now() - started).toBeGreaterThan(35);
  return turned();
};

// Each transaction is timed on its own: requests served one after another in one turn of the loop are
// not interleaved because together they held it long (findings §16).
it('short transactions run one after another in one turn each run start to end on SQLite', async () => {
  const turned = await turnedDuringFourUnits((begun) =>
    app.strapi.db.transaction(async ({ trx }) => {
      while (performance.now() - begun < 10) await trx.raw('select 1');
    })
  );
  expect(turned).toBe(TURNS_AT_EVERY_STATEMENT);
});

// A request's statements outside transactions (GraphQL's relation loads) are timed on the request, not
// on the connection every request shares.
it('short requests served one after another in one turn each run start to end on SQLite', async () => {
  const turned = await turnedDuringFourUnits((begun) =>
    app.strapi.requestContext.run({ state: {} } as never, async () => {
      while (performance.now() - begun < 10) await app.strapi.db.connection.raw('select 1');
    })
  );
  expect(turned).toBe(TURNS_AT_EVERY_STATEMENT);
});

// The app runs from dist/: its mark, not one made from src/ (a module of its own, a symbol of its own).
const { markReadOnly } =
  require('../../../dist/src/lib/sqlite-read-connection') as typeof import('../../../src/lib/sqlite-read-connection');

/**
 * Runs statements for `ms` in a request that only reads (SQLite: on the read-only connection) after an
 * idle spell, and says whether the loop turned meanwhile and whether the read connection served it.
 */
const readOnlyRequestFor = async (ms: number) => {
  const write = app.strapi.db.connection;
  const turned = await watchTurnAfterIdle(20);
  const ctx = { state: {} };
  markReadOnly(ctx);
  let onReadConnection = false;
  await app.strapi.requestContext.run(ctx as never, async () => {
    onReadConnection = app.strapi.db.connection !== write;
    const begun = performance.now();
    while (performance.now() - begun < ms) await app.strapi.db.connection.raw('select 1');
  });
  return { turned: turned(), onReadConnection };
};

// Reads are bounded (page sizes, GraphQL's cost limit) and keep the loop as plain Strapi's do: a GraphQL
// list page of 20–26 ms broken up at 25 ms cost the list ×1.13–1.15 plain's CPU (findings §17). Only a
// read past 100 ms gives a turn.
it('a read-only request keeps the loop through 60 ms of reads on SQLite, and gives a turn past 100 ms', async () => {
  expect(await readOnlyRequestFor(60)).toEqual({
    turned: TURNS_AT_EVERY_STATEMENT,
    onReadConnection: !TURNS_AT_EVERY_STATEMENT,
  });
  expect((await readOnlyRequestFor(150)).turned).toBe(true);
});
