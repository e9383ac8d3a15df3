/**
 * The cache over HTTP: X-Cache, ETag and 304, Cache-Control and Vary; tokens, sessions and drafts never
 * touch the cache; errors and mutations are never stored.
 */
import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { cacheStats } from './helpers';

const ARTICLE = 'api::article.article';
let app: TestApp;
let token: string;
let readOnly: string;
let draftId: string;

beforeAll(async () => {
  app = await bootApp();
  token = await createApiToken(app.strapi);
  readOnly = await createApiToken(app.strapi, 'read-only');
  const draft = await app.strapi.documents(ARTICLE).create({
    locale: 'fa',
    data: { title: 'پیش‌نویس محرمانه‌ی سردبیر', lead: 'هنوز منتشر نشده' } as never,
  });
  draftId = draft.documentId;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('headers', () => {
  it('MISS then HIT, with an ETag, Cache-Control and Vary', async () => {
    const url = '/api/articles?locale=fa&populate[section]=true';
    const first = await app.http().get(url).expect(200);
    const second = await app.http().get(url).expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toBe('public, max-age=0, s-maxage=0, must-revalidate');
    expect(second.headers.vary).toMatch(/Authorization/);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.body).toEqual(first.body);
    // The stored answer is the final one: the Jalali middleware's fields are in it.
    expect(second.body.data[0].publishedOnJalali.long).toMatch(/آبان ۱۳۹۶/);
  });

  it('304 Not Modified for a matching If-None-Match, on a hit and on the miss that stores', async () => {
    const url = '/api/sections?locale=fa';
    const first = await app.http().get(url).set('If-None-Match', '"nothing"').expect(200);
    const cached = await app.http().get(url).set('If-None-Match', first.headers.etag);
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    expect(cached.headers.etag).toBe(first.headers.etag);
    const fresh = await app
      .http()
      .get('/api/officials?locale=fa')
      .set('If-None-Match', first.headers.etag);
    expect(fresh.status).toBe(200);
    await app.http().get(url).set('If-None-Match', `W/${first.headers.etag}, "other"`).expect(304);
  });

  it('a write changes the ETag of the answers it changes, and only those', async () => {
    const list = await app.http().get('/api/articles?locale=fa').expect(200);
    const sections = await app.http().get('/api/sections?locale=fa').expect(200);
    const created = await app
      .http()
      .post('/api/articles?status=published')
      .set('Authorization', token)
      .send({ data: { title: 'خبر تازه برای ETag', lead: 'لید' } })
      .expect(201);
    const listAfter = await app
      .http()
      .get('/api/articles?locale=fa')
      .set('If-None-Match', list.headers.etag);
    expect(listAfter.status).toBe(200);
    expect(listAfter.headers['x-cache']).toBe('MISS');
    // Recomputed after the write, but unchanged: the reader's copy is still good.
    await app
      .http()
      .get('/api/sections?locale=fa')
      .set('If-None-Match', sections.headers.etag)
      .expect(304);
    await app.strapi
      .documents(ARTICLE)
      .delete({ documentId: created.body.data.documentId, locale: '*' });
  });

  it('Content-Language of a locale fallback is replayed on a hit', async () => {
    const [seed] = (await app.http().get('/api/articles?locale=fa').expect(200)).body.data;
    const url = `/api/articles/${seed.documentId}?locale=en`;
    await app.http().get(url).expect(200);
    const hit = await app.http().get(url).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['content-language']).toBe('fa');
    expect(hit.body.meta.localeFallback).toEqual({ requested: 'en', served: 'fa' });
  });

  it('HEAD is answered from the cache', async () => {
    await app.http().get('/api/articles?locale=fa&pagination[pageSize]=3').expect(200);
    const head = await app
      .http()
      .head('/api/articles?locale=fa&pagination[pageSize]=3')
      .expect(200);
    expect(head.headers['x-cache']).toBe('HIT');
  });
});

describe('tokens, sessions and drafts never touch the cache', () => {
  it('requests with a token bypass it and are marked private', async () => {
    const url = '/api/articles?locale=fa';
    await app.http().get(url);
    expect((await app.http().get(url)).headers['x-cache']).toBe('HIT');
    for (const auth of [token, readOnly]) {
      const res = await app.http().get(url).set('Authorization', auth).expect(200);
      expect(res.headers['x-cache']).toBe('BYPASS');
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    const hits = cacheStats(app.strapi).hits;
    await app.http().get(url).set('Authorization', token);
    expect(cacheStats(app.strapi).hits).toBe(hits);
  });

  it('a full-access token reading drafts never leaves them for the public', async () => {
    const url = `/api/articles/${draftId}?status=draft&locale=fa`;
    const preview = await app.http().get(url).set('Authorization', token).expect(200);
    expect(preview.body.data.title).toContain('محرمانه');
    expect(preview.headers['x-cache']).toBe('BYPASS');
    for (let i = 0; i < 2; i += 1) {
      const res = await app.http().get(url);
      expect(res.status).toBe(404);
      expect(res.headers['x-cache']).toBe('BYPASS');
    }
    const list = await app.http().get('/api/articles?status=draft&locale=fa').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('محرمانه');
    expect(list.headers['x-cache']).toBe('BYPASS');
  });

  it('an admin session cookie bypasses it', async () => {
    const res = await app
      .http()
      .get('/api/articles?locale=fa')
      .set('Cookie', 'strapi_admin_refresh=abc')
      .expect(200);
    expect(res.headers['x-cache']).toBe('BYPASS');
  });

  it('GraphQL: tokens bypass, drafts are never stored or served', async () => {
    const query = '{ articles(locale: "fa") { title } }';
    await app.http().post('/graphql').send({ query });
    expect((await app.http().post('/graphql').send({ query })).headers['x-cache']).toBe('HIT');
    const withToken = await app.http().post('/graphql').set('Authorization', token).send({ query });
    expect(withToken.headers['x-cache']).toBe('BYPASS');
    const draftQuery = `{ article(documentId: "${draftId}", status: DRAFT) { title } }`;
    const preview = await app
      .http()
      .post('/graphql')
      .set('Authorization', token)
      .send({ query: draftQuery });
    expect(preview.body.data.article.title).toContain('محرمانه');
    const publicRead = await app.http().post('/graphql').send({ query: draftQuery });
    expect(publicRead.headers['x-cache']).toBe('BYPASS');
    expect(JSON.stringify(publicRead.body)).not.toContain('محرمانه');
  });
});

describe('never stored', () => {
  it('errors: a 404 is recomputed until the story exists', async () => {
    const slug = 'خبری-که-هنوز-نیست';
    const url = `/api/articles/slug/${encodeURIComponent(slug)}?locale=fa`;
    for (let i = 0; i < 2; i += 1) {
      const res = await app.http().get(url);
      expect(res.status).toBe(404);
      expect(res.headers['x-cache']).toBe('MISS');
    }
    await app
      .http()
      .post('/api/articles?status=published')
      .set('Authorization', token)
      .send({ data: { title: 'خبری که هنوز نیست', lead: 'لید', slug } })
      .expect(201);
    await app.http().get(url).expect(200);
    expect(
      (await app.http().get('/api/articles?filters[publishedOn][$gte]=1402/12/30')).status
    ).toBe(400);
    expect(
      (await app.http().get('/api/articles?filters[publishedOn][$gte]=1402/12/30')).headers[
        'x-cache'
      ]
    ).toBe('MISS');
  });

  it('GraphQL answers with errors', async () => {
    const query = '{ articles(locale: "fa") { title noSuchField } }';
    for (let i = 0; i < 2; i += 1) {
      const res = await app.http().post('/graphql').send({ query });
      expect(res.headers['x-cache']).toBe('MISS');
      expect(res.body.errors).toBeDefined();
    }
  });

  it('GraphQL mutations run every time, and are refused without a token', async () => {
    const mutation = (title: string) =>
      `mutation { createArticle(locale: "fa", data: { title: "${title}", lead: "لید" }) { documentId } }`;
    const anonymous = await app
      .http()
      .post('/graphql')
      .send({ query: mutation('بی‌اجازه') });
    expect(anonymous.headers['x-cache']).toBe('BYPASS');
    expect(anonymous.body.errors).toBeDefined();
    const ids = new Set<string>();
    for (let i = 0; i < 2; i += 1) {
      const res = await app
        .http()
        .post('/graphql')
        .set('Authorization', token)
        .send({ query: mutation('دو بار ساخته شد') });
      expect(res.body.errors).toBeUndefined();
      ids.add(res.body.data.createArticle.documentId);
    }
    expect(ids.size).toBe(2);
  });
});

describe('concurrency', () => {
  it('simultaneous misses of one key read the database once', async () => {
    const url = '/api/articles?locale=fa&pagination[pageSize]=7';
    // A write first, so the key is cold in a fresh generation.
    await app.strapi.plugin('response-cache').service('cache').invalidate('test');
    const before = cacheStats(app.strapi);
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.http().get(url)));
    const after = cacheStats(app.strapi);
    expect(answers.every((res) => res.status === 200)).toBe(true);
    expect(new Set(answers.map((res) => res.headers.etag)).size).toBe(1);
    expect(Number(after.misses) - Number(before.misses)).toBe(1);
    expect(answers.filter((res) => res.headers['x-cache'] === 'MISS')).toHaveLength(1);
  });
});
