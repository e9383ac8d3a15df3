/**
 * A transaction whose COMMIT fails is an error, not a success. Knex resolves `commit()` either way and
 * rejects only the transaction's `executionPromise`, which Strapi 5.54 did not await: a batch of the
 * importer whose COMMIT met a database restart was reported imported, and was not there
 * (`import-faults.test.ts`; patches/@strapi+database+5.54.0.patch). A deferred foreign key makes the
 * COMMIT fail here without a restart.
 */
import { bootApp, TestApp } from '../harness/strapi';

let app: TestApp;
beforeAll(async () => {
  process.env.TEST_DB = 'postgres';
  app = await bootApp({ seed: false });
}, 400_000);
afterAll(async () => {
  await app?.close();
});

const rows = async (): Promise<number> =>
  (await app.strapi.db.connection.raw('SELECT COUNT(*)::int AS n FROM commit_probe')).rows[0].n;

it('a transaction whose COMMIT fails rejects with the database error, and nothing of it is kept', async () => {
  await app.strapi.db.connection.raw(
    'CREATE TABLE commit_probe (id int PRIMARY KEY, ref int REFERENCES commit_probe (id) DEFERRABLE INITIALLY DEFERRED)'
  );
  await expect(
    app.strapi.db.transaction(async ({ trx }) => {
      await trx.raw('INSERT INTO commit_probe VALUES (1, 99)');
    })
  ).rejects.toThrow(/foreign key/i);
  expect(await rows()).toBe(0);

  // The next transaction commits as usual.
  await app.strapi.db.transaction(async ({ trx }) => {
    await trx.raw('INSERT INTO commit_probe VALUES (1, 1)');
  });
  expect(await rows()).toBe(1);
});
