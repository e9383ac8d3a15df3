import { createTestDatabase, TestDatabase } from '../harness/database';
import { Instance, startInstance } from '../harness/instance-process';
import { fullAccessTokenOver } from '../harness/admin-http';

/** Two app instances on one PostgreSQL, as behind a load balancer. */
let database: TestDatabase;
let a: Instance;
let b: Instance;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  a = await startInstance({ ...database.env, SEED_DEMO: 'true' });
  b = await startInstance({ ...database.env, SEED_DEMO: 'true' });
  token = await fullAccessTokenOver(a.url);
}, 400_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

const json = (res: Response) => res.json() as Promise<Record<string, any>>;

it('the second instance found the demo content and added none', async () => {
  const fromB = await json(await fetch(`${b.url}/api/articles`));
  expect(fromB.meta.pagination.total).toBe(1);
});

it('50 editors creating and publishing the same title in the same desk at once, on both instances, while readers read', async () => {
  const sections = await json(
    await fetch(`${a.url}/api/sections?filters[name][$eq]=${encodeURIComponent('مجلس')}`)
  );
  const section = sections.data[0].documentId;

  let reading = true;
  const readStatuses: number[] = [];
  const readers = [a, b].map(async (instance) => {
    while (reading) {
      const res = await fetch(
        `${instance.url}/api/articles?populate=section&pagination[pageSize]=100`
      );
      readStatuses.push(res.status);
      await res.arrayBuffer();
    }
  });

  const writes = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${(i % 2 ? a : b).url}/api/articles?status=published`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: token },
        body: JSON.stringify({
          data: {
            title: 'حمله‌ی سایبری به سامانه‌ی بانکی',
            lead: `گزارش خبرنگار شماره‌ی ${i}`,
            section,
            body: [
              { __component: 'article.paragraph', text: `متن کامل گزارش ${i}` },
              { __component: 'article.paragraph', text: 'انتهای پیام' },
            ],
          },
        }),
      }).then(async (res) => ({ status: res.status, body: await json(res) }))
    )
  );
  reading = false;
  await Promise.all(readers);

  expect(writes.map((write) => write.status)).toEqual(Array(50).fill(201));
  const slugs = writes.map((write) => write.body.data.slug);
  const codes = writes.map((write) => write.body.data.newsCode);
  expect(new Set(slugs).size).toBe(50);
  expect(new Set(codes).size).toBe(50);
  expect(readStatuses.length).toBeGreaterThan(0);
  expect(readStatuses.filter((status) => status !== 200)).toEqual([]);

  // No lost writes: every story is there, published, with its body and footer handled, seen from both.
  for (const instance of [a, b]) {
    const list = await json(
      await fetch(
        `${instance.url}/api/articles?filters[section][documentId][$eq]=${section}&populate=body&pagination[pageSize]=100`
      )
    );
    expect(list.meta.pagination.total).toBe(50);
    expect(new Set(list.data.map((article: { lead: string }) => article.lead)).size).toBe(50);
    for (const article of list.data) {
      expect(article.body).toHaveLength(1);
      expect(article.footerLine).toBe('انتهای پیام');
    }
  }
}, 400_000);
