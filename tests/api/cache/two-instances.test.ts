/**
 * Two app instances sharing a PostgreSQL database and a Redis (both the test's own, whatever TEST_DB
 * says): one in this process, one a separate process. A write on either is seen at once by readers of
 * the other, on every read path, REST and GraphQL, while both serve from the shared cache.
 */
import request from 'supertest';
import { bootApp, TestApp } from '../../harness/strapi';
import type { TestDatabase } from '../../harness/database';
import { createApiToken } from '../../harness/tokens';
import {
  AppProcess,
  privatePostgres,
  privateRedis,
  PrivateRedis,
  startAppProcess,
} from './helpers';

const ARTICLE = 'api::article.article';
let database: TestDatabase;
let redis: PrivateRedis;
let a: TestApp;
let b: AppProcess;
let token: string;
let sectionId: string;

type Http = () => request.Agent | request.SuperTest<request.Test>;
const onA: Http = () => a.http();
const onB: Http = () => request(b.url);

/** Every public view of one story on one instance: title or null, and the X-Cache labels. */
const views = async (http: Http, documentId: string, slug: string) => {
  const pick = (list: Array<{ documentId: string; title: string }> | undefined) =>
    list?.find((entry) => entry.documentId === documentId)?.title ?? null;
  const gql = (query: string) => http().post('/graphql').send({ query });
  const reads = await Promise.all([
    http().get('/api/articles?locale=fa&pagination[pageSize]=100'),
    http().get(`/api/articles/${documentId}?locale=fa`),
    http().get(`/api/articles/slug/${encodeURIComponent(slug)}?locale=fa`),
    http().get('/api/articles/archive/1403?locale=fa&pagination[pageSize]=100'),
    http().get(`/api/sections/${sectionId}?locale=fa&populate[articles][fields][0]=title`),
    gql('{ articles(locale: "fa", pagination: { pageSize: 100 }) { documentId title } }'),
    gql(`{ article(documentId: "${documentId}", locale: "fa") { documentId title } }`),
  ]);
  const [list, one, bySlug, archive, section, gList, gOne] = reads;
  return {
    seen: [
      pick(list.body.data),
      one.status === 200 ? one.body.data.title : null,
      bySlug.status === 200 ? bySlug.body.data.title : null,
      pick(archive.body.data),
      pick(section.body.data?.articles),
      pick(gList.body.data?.articles),
      gOne.body.data?.article?.title ?? null,
    ],
    cache: reads.map((res) => res.headers['x-cache'] as string),
  };
};

const same = (title: string | null) => Array(7).fill(title);

/** Both instances read everything twice, the second time from the cache. */
const warmBoth = async (documentId: string, slug: string, title: string | null) => {
  for (const http of [onA, onB]) {
    await views(http, documentId, slug);
    const second = await views(http, documentId, slug);
    expect(second.seen).toEqual(same(title));
    expect(second.cache.filter((label) => label === 'HIT').length).toBeGreaterThanOrEqual(
      title === null ? 4 : 7
    );
  }
};

beforeAll(async () => {
  database = await privatePostgres();
  redis = await privateRedis();
  // A generous Redis timeout: on a loaded test machine an event-loop stall can outlast the default 250 ms,
  // and a timed-out lookup is (rightly) answered from the database, which would blur the HIT counts here.
  const shared = { ...database.env, REDIS_URL: redis.url, RESPONSE_CACHE_REDIS_TIMEOUT_MS: '2000' };
  a = await bootApp({ env: shared });
  token = await createApiToken(a.strapi);
  sectionId = (
    await a.http().get('/api/sections?locale=fa&filters[slug][$eq]=دفاتر-پیشخوان').expect(200)
  ).body.data[0].documentId;
  b = await startAppProcess(shared);
}, 120_000);

afterAll(async () => {
  await b?.stop();
  await a?.close();
  redis?.stop();
  await database?.drop();
}, 120_000);

it('both instances answer from one shared cache', async () => {
  const url = '/api/articles?locale=fa&pagination[pageSize]=2';
  const first = await onA().get(url).expect(200);
  expect(first.headers['x-cache']).toBe('MISS');
  const other = await onB().get(url).expect(200);
  expect(other.headers['x-cache']).toBe('HIT');
  expect(other.headers.etag).toBe(first.headers.etag);
});

it('publish, correct, unpublish and delete on one instance are seen at once on the other', async () => {
  // Publish on A (document service, as the admin does).
  const draft = await a.strapi.documents(ARTICLE).create({
    locale: 'fa',
    data: {
      title: 'خبر فوری دو نمونه',
      lead: 'لید',
      section: sectionId,
      publishedOn: '2024-06-01T08:00:00Z',
    } as never,
  });
  const { documentId } = draft;
  const slug = draft.slug as string;
  await warmBoth(documentId, slug, null);
  await a.strapi.documents(ARTICLE).publish({ documentId, locale: 'fa' });
  expect((await views(onB, documentId, slug)).seen).toEqual(same('خبر فوری دو نمونه'));
  expect((await views(onA, documentId, slug)).seen).toEqual(same('خبر فوری دو نمونه'));

  // A correction through B's REST API, read on A.
  await warmBoth(documentId, slug, 'خبر فوری دو نمونه');
  await onB()
    .put(`/api/articles/${documentId}?status=published&locale=fa`)
    .set('Authorization', token)
    .send({ data: { title: 'اصلاحیه‌ی خبر فوری' } })
    .expect(200);
  expect((await views(onA, documentId, slug)).seen).toEqual(same('اصلاحیه‌ی خبر فوری'));
  expect((await views(onB, documentId, slug)).seen).toEqual(same('اصلاحیه‌ی خبر فوری'));

  // A correction through a GraphQL mutation on A, read on B.
  await warmBoth(documentId, slug, 'اصلاحیه‌ی خبر فوری');
  const mutation = await onA()
    .post('/graphql')
    .set('Authorization', token)
    .send({
      query: `mutation { updateArticle(documentId: "${documentId}", locale: "fa", status: PUBLISHED, data: { title: "اصلاحیه‌ی دوم" }) { title } }`,
    });
  expect(mutation.body.errors).toBeUndefined();
  expect((await views(onB, documentId, slug)).seen).toEqual(same('اصلاحیه‌ی دوم'));

  // Unpublish on A, read on B.
  await warmBoth(documentId, slug, 'اصلاحیه‌ی دوم');
  await a.strapi.documents(ARTICLE).unpublish({ documentId, locale: 'fa' });
  expect((await views(onB, documentId, slug)).seen).toEqual(same(null));

  // Publish again, then delete through B's REST API, read on A.
  await a.strapi.documents(ARTICLE).publish({ documentId, locale: 'fa' });
  await warmBoth(documentId, slug, 'اصلاحیه‌ی دوم');
  await onB()
    .delete(`/api/articles/${documentId}?locale=fa`)
    .set('Authorization', token)
    .expect(204);
  expect((await views(onA, documentId, slug)).seen).toEqual(same(null));
  expect((await views(onB, documentId, slug)).seen).toEqual(same(null));
});

it('readers hammering B while A publishes never see the old version after the publish returned', async () => {
  const draft = await a.strapi.documents(ARTICLE).create({
    locale: 'fa',
    data: { title: 'پیش از انتشار', lead: 'لید', section: sectionId } as never,
  });
  await a.strapi.documents(ARTICLE).publish({ documentId: draft.documentId, locale: 'fa' });
  const url = `/api/articles/${draft.documentId}?locale=fa`;
  let stop = false;
  let publishedAt = Infinity;
  const stale: number[] = [];
  const reader = (async () => {
    while (!stop) {
      const started = Date.now();
      const res = await onB().get(url);
      if (started > publishedAt && res.body.data?.title !== 'پس از انتشار')
        stale.push(started - publishedAt);
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await a.strapi.documents(ARTICLE).update({
    documentId: draft.documentId,
    locale: 'fa',
    data: { title: 'پس از انتشار' } as never,
  });
  await a.strapi.documents(ARTICLE).publish({ documentId: draft.documentId, locale: 'fa' });
  publishedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 500));
  stop = true;
  await reader;
  expect(stale).toEqual([]);
});
