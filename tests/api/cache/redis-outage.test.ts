/**
 * Redis stopped and restarted mid-run (a private redis-server, so the machine's 6379 stays up): the app
 * keeps answering from the database within milliseconds, logs the outage once, never serves a copy from
 * before the outage, and uses the cache again once Redis is back.
 */
import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { cacheStats, privateRedis, PrivateRedis, waitFor } from './helpers';

// The instance Strapi loaded (from dist/), typed by its source.
const { getRuntime } =
  require('../../../dist/src/plugins/response-cache/server/runtime') as typeof import('../../../src/plugins/response-cache/server/runtime');

let app: TestApp;
let redis: PrivateRedis;
let token: string;
let seedId: string;
const warnings: string[] = [];

const LIST = '/api/articles?locale=fa';
const title = async () =>
  (await app.http().get(LIST).expect(200)).body.data.find(
    (a: { documentId: string }) => a.documentId === seedId
  ).title;

beforeAll(async () => {
  redis = await privateRedis();
  app = await bootApp({ env: { REDIS_URL: redis.url, RESPONSE_CACHE_REDIS_TIMEOUT_MS: '200' } });
  token = await createApiToken(app.strapi);
  seedId = (await app.http().get(LIST).expect(200)).body.data[0].documentId;
  const warn = app.strapi.log.warn.bind(app.strapi.log);
  app.strapi.log.warn = ((message: string, ...rest: unknown[]) => {
    warnings.push(String(message));
    return warn(message, ...rest);
  }) as typeof app.strapi.log.warn;
}, 120_000);
afterAll(async () => {
  await app?.close();
  redis?.stop();
});

it('serves from Redis while it is up', async () => {
  await app.http().get(LIST).expect(200);
  const hit = await app.http().get(LIST).expect(200);
  expect(hit.headers['x-cache']).toBe('HIT');
  expect(cacheStats(app.strapi)).toMatchObject({ mode: 'redis', healthy: true });
});

it('with Redis stopped: answers from the database, fast, logged once, the local copy never used', async () => {
  redis.stop();
  const times: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const started = Date.now();
    const res = await app.http().get(LIST).expect(200);
    times.push(Date.now() - started);
    expect(res.headers['x-cache']).toBe('BYPASS');
    expect(res.body.data.length).toBeGreaterThan(0);
  }
  // Requests cost what the database costs (bounded generously for a loaded test machine)...
  expect(Math.max(...times)).toBeLessThan(2000);
  expect(cacheStats(app.strapi).healthy).toBe(false);
  // ...and asking the cache costs nothing: no waiting on a dead Redis.
  const backend = getRuntime(app.strapi)!.backend!;
  for (let i = 0; i < 20; i += 1) {
    const started = process.hrtime.bigint();
    expect(await backend.lookup(`probe-${i}`)).toBeNull();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  }

  // A correction published while Redis is down is seen at once (from the database).
  const started = Date.now();
  await app
    .http()
    .put(`/api/articles/${seedId}?status=published&locale=fa`)
    .set('Authorization', token)
    .send({ data: { title: 'اصلاحیه در زمان قطعی ردیس' } })
    .expect(200);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(await title()).toBe('اصلاحیه در زمان قطعی ردیس');
  expect(warnings.filter((message) => message.includes('Redis unavailable'))).toHaveLength(1);
});

it('with Redis back: the cache is used again, and nothing cached before the outage is served', async () => {
  await redis.start();
  await waitFor(
    async () => (await app.http().get(LIST)).headers['x-cache'] !== 'BYPASS',
    15_000,
    'the cache to come back'
  );
  const hit = await app.http().get(LIST).expect(200);
  expect(hit.headers['x-cache']).toBe('HIT');
  expect(await title()).toBe('اصلاحیه در زمان قطعی ردیس');
  expect(cacheStats(app.strapi).healthy).toBe(true);
});

it('a Redis that lost its data (FLUSHALL) never lets an older local copy through', async () => {
  await app.http().get(LIST).expect(200);
  expect((await app.http().get(LIST)).headers['x-cache']).toBe('HIT');
  // Written behind Strapi's back, then the counter lost: only the database knows the new title.
  await app.strapi.db
    .connection('articles')
    .update({ title: 'عنوان پس از پاک شدن ردیس' })
    .where({ document_id: seedId });
  const { execFileSync } = await import('child_process');
  execFileSync('redis-cli', ['-p', String(redis.port), 'flushall']);
  const res = await app.http().get(LIST).expect(200);
  expect(res.headers['x-cache']).toBe('MISS');
  expect(res.body.data.find((a: { documentId: string }) => a.documentId === seedId).title).toBe(
    'عنوان پس از پاک شدن ردیس'
  );
});
