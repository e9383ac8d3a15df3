/** The embedded cache holds to its memory bound (RESPONSE_CACHE_MAX_MB) and skips answers over the entry bound. */
import { bootApp, TestApp } from '../../harness/strapi';
import { STORY_POPULATE } from '../../harness/seed-article';
import { cacheStats } from './helpers';

let app: TestApp;

beforeAll(async () => {
  app = await bootApp({ env: { RESPONSE_CACHE_MAX_MB: '1', RESPONSE_CACHE_MAX_ENTRY_KB: '32' } });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

it('many distinct answers never take more than the bound', async () => {
  let bodyBytes = 0;
  for (let i = 0; i < 300; i += 1) {
    const res = await app
      .http()
      .get(`/api/articles?locale=fa&${STORY_POPULATE}&filters[title][$ne]=x${i}`)
      .expect(200);
    expect(res.headers['x-cache']).toBe('MISS');
    bodyBytes += Buffer.byteLength(res.text);
  }
  const stats = cacheStats(app.strapi);
  expect(bodyBytes).toBeGreaterThan(2 * 1024 * 1024);
  expect(stats.maxBytes).toBe(1024 * 1024);
  expect(Number(stats.bytes)).toBeLessThanOrEqual(1024 * 1024);
  expect(Number(stats.entries)).toBeLessThan(300);
  expect(Number(stats.evictions)).toBeGreaterThan(0);
  // The most recent answers are the ones kept.
  const last = await app
    .http()
    .get(`/api/articles?locale=fa&${STORY_POPULATE}&filters[title][$ne]=x299`)
    .expect(200);
  expect(last.headers['x-cache']).toBe('HIT');
  const first = await app
    .http()
    .get(`/api/articles?locale=fa&${STORY_POPULATE}&filters[title][$ne]=x0`)
    .expect(200);
  expect(first.headers['x-cache']).toBe('MISS');
  // 300 uncached list pages: a test of the bound, not of speed, on a two-core machine running other suites.
}, 180_000);

it('an answer over the entry bound is served but not stored', async () => {
  const token = await (await import('../../harness/tokens')).createApiToken(app.strapi);
  const body = Array.from({ length: 40 }, (_, i) => ({
    __component: 'article.paragraph',
    text: `بند ${i}: ${'متن بلند خبر. '.repeat(60)}`,
  }));
  const created = await app
    .http()
    .post('/api/articles?status=published')
    .set('Authorization', token)
    .send({ data: { title: 'گزارش بسیار بلند', lead: 'لید', body } })
    .expect(201);
  const url = `/api/articles/${created.body.data.documentId}?populate=body`;
  for (let i = 0; i < 2; i += 1) {
    const res = await app.http().get(url).expect(200);
    expect(Buffer.byteLength(res.text)).toBeGreaterThan(32 * 1024);
    expect(res.headers['x-cache']).toBe('MISS');
  }
});
