import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { Instance, startInstance } from '../harness/instance-process';
import { fullAccessTokenOver, webhookOver } from '../harness/admin-http';

/**
 * Scheduled publishing on two instances sharing one PostgreSQL: every due story is published by exactly
 * one of them (counted by Strapi's webhooks, which fire once per publish), and a schedule that fell due
 * while no instance ran is published at the next start, with the log naming it.
 */
let database: TestDatabase;
let a: Instance;
let b: Instance;
let token: string;
let receiver: Server;
const published: string[] = [];

const json = (res: Response) => res.json() as Promise<Record<string, any>>;
const env = () => ({ ...database.env, SEED_DEMO: 'false', LOG_LEVEL: 'info' });

const api = (instance: Instance, path: string, method = 'GET', body?: unknown) =>
  fetch(`${instance.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const liveCount = async (instance: Instance, titlePrefix: string) =>
  (
    await json(
      await fetch(
        `${instance.url}/api/articles?filters[title][$startsWith]=${encodeURIComponent(titlePrefix)}&pagination[pageSize]=1`
      )
    )
  ).meta.pagination.total as number;

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('timed out');
};

const draft = async (instance: Instance, title: string): Promise<string> => {
  const res = await api(instance, '/api/articles?status=draft', 'POST', {
    data: { title, lead: `لید ${title}` },
  });
  expect(res.status).toBe(201);
  return (await json(res)).data.documentId;
};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const event = JSON.parse(body) as {
        event: string;
        uid?: string;
        entry?: { documentId?: string };
      };
      if (event.event === 'entry.publish' && event.uid === 'api::article.article')
        published.push(event.entry!.documentId!);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  database = await createTestDatabase('postgres');
  a = await startInstance(env());
  token = await fullAccessTokenOver(a.url);
  await webhookOver(a.url, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, [
    'entry.publish',
  ]);
  b = await startInstance(env());
}, 400_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
  await new Promise((resolve) => receiver?.close(resolve));
});

it('50 stories due in the same second on two instances: each published once, none early', async () => {
  const ids = await Promise.all(
    Array.from({ length: 50 }, (_, i) => draft(i % 2 ? a : b, `موعد مشترک ${i}`))
  );
  const dueAt = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
  const scheduled = await Promise.all(
    ids.map((id, i) =>
      api(i % 2 ? b : a, `/api/articles/${id}/schedule`, 'PUT', {
        data: { publishAt: new Date(dueAt).toISOString() },
      })
    )
  );
  expect(scheduled.map((res) => res.status)).toEqual(Array(50).fill(200));
  expect(Date.now()).toBeLessThan(dueAt);
  expect(await liveCount(a, 'موعد مشترک')).toBe(0);

  await waitFor(async () => (await liveCount(b, 'موعد مشترک')) === 50, 120_000);
  // Webhooks are sent after the publish commits: give the last ones a moment to arrive.
  await waitFor(async () => ids.every((id) => published.includes(id)), 30_000);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const id of ids) expect(published.filter((one) => one === id)).toHaveLength(1);

  const lines = [a, b].map((instance) =>
    instance
      .output()
      .split('\n')
      .filter((line) => line.includes('scheduling: published'))
  );
  expect(lines[0].length + lines[1].length).toBe(50);
  const list = await json(
    await fetch(
      `${a.url}/api/articles?filters[title][$startsWith]=${encodeURIComponent('موعد مشترک')}&pagination[pageSize]=100&fields[0]=publishedAt`
    )
  );
  const lateness = list.data
    .map((article: { publishedAt: string }) => new Date(article.publishedAt).getTime() - dueAt)
    .sort((x: number, y: number) => x - y);
  expect(lateness[0]).toBeGreaterThanOrEqual(0);
  // Reported, not asserted: a shared CI machine's load decides it (bench/scheduling measures it).
  console.log(
    `lateness of 50 publishes due at once, by instances ${lines[0].length}/${lines[1].length}: ` +
      `median ${lateness[25]} ms, max ${lateness[49]} ms`
  );
}, 300_000);

it('a schedule due while every instance is down runs at the next start, and the log names it', async () => {
  const id = await draft(a, 'بیانیه‌ی نیمه‌شب');
  const dueAt = Date.now() + 4000;
  const res = await api(a, `/api/articles/${id}/schedule`, 'PUT', {
    data: { publishAt: new Date(dueAt).toISOString() },
  });
  expect(res.status).toBe(200);
  await Promise.all([a.stop(), b.stop()]);
  expect(Date.now()).toBeLessThan(dueAt);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()) + 6000));

  a = await startInstance(env());
  await waitFor(async () => (await liveCount(a, 'بیانیه‌ی نیمه‌شب')) === 1, 60_000);
  expect(a.output()).toMatch(/«بیانیه‌ی نیمه‌شب».*while no instance ran/);
  await waitFor(async () => published.includes(id), 30_000);
  expect(published.filter((one) => one === id)).toHaveLength(1);
  b = await startInstance(env());
}, 400_000);
