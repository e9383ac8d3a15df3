import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { Instance, startInstance } from '../harness/instance-process';
import { fullAccessTokenOver } from '../harness/admin-http';
import { restartPostgres } from '../harness/postgres-server';

let database: TestDatabase;
let app: Instance;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  app = await startInstance({ ...database.env, SEED_DEMO: 'true' });
  token = await fullAccessTokenOver(app.url);
}, 400_000);
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const paragraphs = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    __component: 'article.paragraph',
    text: `بند ${i} از گزارش ${tag}`,
  }));

const create = (instance: Instance, tag: string, signal?: AbortSignal) =>
  fetch(`${instance.url}/api/articles?status=published`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({
      data: { title: `گزارش ${tag}`, lead: `لید ${tag}`, body: paragraphs(12, tag) },
    }),
    signal,
  });

it('the database restarted under reads and writes: the app recovers without a restart', async () => {
  let running = true;
  const statuses: number[] = [];
  const reader = (async () => {
    while (running) {
      try {
        const res = await fetch(`${app.url}/api/articles?pagination[pageSize]=5`);
        statuses.push(res.status);
        await res.arrayBuffer();
      } catch {
        statuses.push(0);
      }
      await sleep(20);
    }
  })();
  // Writes in flight when the database goes away: each is answered (an error is fine), none hangs, and
  // the driver's errors do not end the process (a dropped validation promise once did).
  const writes: Array<number | 'no answer'> = [];
  const writer = (async () => {
    for (let n = 0; running; n += 1) {
      try {
        const res = await create(app, `در حین راه‌اندازی ${n}`, AbortSignal.timeout(20_000));
        writes.push(res.status);
        await res.arrayBuffer();
      } catch {
        writes.push('no answer');
      }
    }
  })();
  await sleep(500);
  restartPostgres();

  // Recovered: reads answer 200 again within a few seconds, with no app restart.
  const deadline = Date.now() + 30_000;
  let recovered = false;
  while (!recovered && Date.now() < deadline) {
    recovered = (await fetch(`${app.url}/api/articles`)).status === 200;
    if (!recovered) await sleep(250);
  }
  running = false;
  await Promise.all([reader, writer]);
  expect(recovered).toBe(true);
  expect(app.process.exitCode).toBeNull();
  expect(statuses.length).toBeGreaterThan(0);
  expect(writes.length).toBeGreaterThan(1);
  expect(writes).not.toContain('no answer');

  const write = await create(app, 'پس از راه‌اندازی دوباره');
  expect(write.status).toBe(201);
}, 400_000);

it('an instance killed in the middle of writes leaves no partial article', async () => {
  const victim = await startInstance({ ...database.env, SEED_DEMO: 'false' });
  const writes = Array.from({ length: 20 }, (_, i) =>
    create(victim, `کشته‌شده ${i}`).catch(() => null)
  );
  // Killed as soon as the first write has answered, so the others are somewhere inside their writes.
  await Promise.race(writes);
  await victim.kill();
  const answers = await Promise.all(writes);
  expect(answers.filter((res) => res === null).length).toBeGreaterThan(0);

  // Every article row that exists is whole: all twelve body components, a slug, a news code and its slug registry row.
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT a.id, a.document_id, a.slug, a.news_code,
              (SELECT COUNT(*) FROM articles_cmps c WHERE c.entity_id = a.id) AS parts,
              (SELECT COUNT(*) FROM persian_slugs s WHERE s.document_id = a.document_id AND s.slug = a.slug) AS registered
         FROM articles a WHERE a.title LIKE 'گزارش کشته‌شده%'`
    );
    for (const row of rows) {
      expect(Number(row.parts)).toBe(12);
      expect(row.slug).toBeTruthy();
      expect(row.news_code).toBeTruthy();
      expect(Number(row.registered)).toBe(1);
    }
    const orphans = await client.query(
      `SELECT COUNT(*) AS n FROM persian_slugs s WHERE s.document_id IS NULL
          OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.document_id = s.document_id)
         AND s.content_type = 'api::article.article'`
    );
    expect(Number(orphans.rows[0].n)).toBe(0);
  } finally {
    await client.end();
  }
  // The surviving instance still serves.
  expect((await fetch(`${app.url}/api/articles`)).status).toBe(200);
}, 400_000);
