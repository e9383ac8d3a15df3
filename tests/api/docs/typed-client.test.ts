import { execFile } from 'child_process';
import type { AddressInfo } from 'net';
import path from 'path';
import { promisify } from 'util';
import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { contractError } from '../../harness/contract';
import { newsroom } from '../../../docs/types/example';

/**
 * The typed example of docs/types (plain fetch and the types openapi-typescript made of docs/openapi.json)
 * compiles on its own with tsc, strict, and does a frontend's reads against the demo content. Its fetch
 * answers are checked against docs/openapi.json like the harness's.
 */
const root = path.resolve(__dirname, '../../..');
let app: TestApp;
let client: ReturnType<typeof newsroom>;
const realFetch = global.fetch;
const mismatches: string[] = [];
beforeAll(async () => {
  global.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const body = /json/.test(response.headers.get('content-type') ?? '')
      ? await response.clone().json()
      : undefined;
    const mismatch = contractError(init?.method ?? 'GET', response.url, response.status, body);
    if (mismatch) mismatches.push(mismatch);
    return response;
  };
  app = await bootApp();
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = newsroom(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterEach(() => {
  expect(mismatches.splice(0)).toEqual([]);
});
afterAll(async () => {
  global.fetch = realFetch;
  await new Promise((resolve) => app?.strapi.server.httpServer.close(resolve));
  await app?.close();
});

it('compiles with tsc, strict, against the generated types alone', async () => {
  const tsc = path.join(root, 'node_modules/.bin/tsc');
  const args = [
    '--noEmit',
    '--strict',
    '--target',
    'ES2020',
    '--module',
    'commonjs',
    '--moduleResolution',
    'node',
    '--types',
    'node',
    '--skipLibCheck',
    'docs/types/example.ts',
  ];
  await expect(promisify(execFile)(tsc, args, { cwd: root })).resolves.toBeDefined();
});

it("lists a section's stories, newest first", async () => {
  const { data, meta } = await client.sectionStories('دفاتر-پیشخوان');
  expect(data.length).toBeGreaterThan(0);
  for (const story of data) expect(story.section?.slug).toBe('دفاتر-پیشخوان');
  // The list's type includes its cursor pages, which have no total.
  expect('total' in meta.pagination && meta.pagination.total).toBe(data.length);
});

it("opens a story by slug, following an old slug's redirect", async () => {
  const token = await createApiToken(app.strapi);
  const [seed] = (await client.sectionStories('دفاتر-پیشخوان', 1)).data;
  const old = seed.slug!;
  await app
    .http()
    .put(`/api/articles/${seed.documentId}?status=published`)
    .set('Authorization', token)
    .send({ data: { slug: 'پیش-بینی-واگذاری-خدمات-به-دفاتر' } })
    .expect(200);
  const { data } = await client.story(old);
  expect(data).toMatchObject({
    documentId: seed.documentId,
    slug: 'پیش-بینی-واگذاری-خدمات-به-دفاتر',
  });
});

it('pages through the Jalali archive of a month', async () => {
  const titles = await client.archiveMonth(1396, 8, 1);
  expect(titles.length).toBeGreaterThan(0);
  expect(titles[0]).toMatch(/^۱۳۹۶\/۰۸\/\S+ \S/);
});

it('searches, with the count to show', async () => {
  const { hits, total, totalExact } = await client.search('سليمي');
  expect(hits.length).toBeGreaterThan(0);
  expect(hits[0].snippetHtml).toContain('<mark>');
  expect({ total, totalExact }).toEqual({ total: hits.length, totalExact: true });
});
