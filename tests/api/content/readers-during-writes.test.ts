import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';

/**
 * Readers are never queued behind a writer (issue #19). On SQLite a save's transaction holds the only write
 * connection from its validation to its commit, so requests that only read use a second, read-only
 * connection (src/lib/sqlite-read-connection.ts); on PostgreSQL they take another connection of the pool.
 * Here a transaction is held open with an uncommitted article in it: without the read connection every
 * read below would wait for it (a deadlock, as the transaction waits for the reads).
 */
let app: TestApp;
let url: string;
beforeAll(async () => {
  app = await bootApp({ seed: false });
  // Listening here, outside any transaction: supertest would listen inside the test's transaction, and
  // its requests would run in that transaction's context instead of as separate clients.
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => app?.strapi.server.httpServer.close(resolve));
  await app?.close();
});

const get = async (path: string) => {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, body: (await res.json()) as { data: Array<{ title: string }> } };
};
const graphql = async (query: string) => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data: { articles: Array<{ title: string }> } },
  };
};

const ARTICLE = 'api::article.article';
const TITLE = 'خبر هنوز ثبت‌نشده';

/** Runs `read` while a transaction that created and published an article is still open, then commits it. */
const duringOpenWrite = async <T>(read: () => Promise<T>): Promise<T> =>
  app.strapi.db.transaction(async () => {
    await app.strapi.documents(ARTICLE).create({
      data: {
        title: TITLE,
        lead: 'لید',
        body: [{ __component: 'article.paragraph', text: 'بند' }],
      },
      status: 'published',
    } as never);
    return read();
  });

afterEach(async () => {
  await app.strapi.db.query(ARTICLE).deleteMany({ where: { title: TITLE } });
});

it('REST reads are answered while a write transaction is open, and see only what is committed', async () => {
  const path = `/api/articles?filters[title][$eq]=${encodeURIComponent(TITLE)}`;
  const res = await duringOpenWrite(() => get(path));
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual([]);
  const after = await get(path);
  expect(after.body.data.map((article) => article.title)).toEqual([TITLE]);
}, 20_000);

it('GraphQL queries are answered while a write transaction is open', async () => {
  const query = `{ articles(filters: { title: { eq: "${TITLE}" } }) { title } }`;
  const res = await duringOpenWrite(() => graphql(query));
  expect(res.status).toBe(200);
  expect(res.body.data.articles).toEqual([]);
}, 20_000);

it('a read that writes (an API token used for the first time records lastUsedAt) still writes', async () => {
  const token = await createApiToken(app.strapi, 'read-only');
  await app.http().get('/api/articles').set('Authorization', token).expect(200);
  const stored = await app.strapi.db
    .query('admin::api-token')
    .findMany({ where: { lastUsedAt: { $notNull: true } } });
  expect(stored.length).toBeGreaterThan(0);
});

it('a GraphQL mutation is not taken for a read: it writes', async () => {
  const token = await createApiToken(app.strapi);
  const res = await app
    .http()
    .post('/graphql')
    .set('Authorization', token)
    .send({ query: 'mutation { createSection(data: { name: "بخش تازه" }) { name } }' });
  expect(res.body.errors ?? []).toEqual([]);
  expect(res.body.data.createSection.name).toBe('بخش تازه');
});
