import { bootApp, TestApp } from '../../harness/strapi';

let app: TestApp;
let draftId: string;
let seedId: string;

beforeAll(async () => {
  app = await bootApp();
  const draft = await app.strapi.documents('api::article.article').create({
    locale: 'fa',
    data: { title: 'خبر محرمانه‌ی در دست تهیه', lead: 'این پیش‌نویس نباید منتشر شود.' } as never,
  });
  draftId = draft.documentId;
  const [seed] = await app.strapi
    .documents('api::article.article')
    .findMany({ locale: 'fa', status: 'published' });
  seedId = seed.documentId;
});
afterAll(async () => {
  await app?.close();
});

describe('drafts are never public', () => {
  it.each([
    ['the list', () => '/api/articles'],
    ['the list with status=draft', () => '/api/articles?status=draft'],
    [
      'the list filtered on the draft title',
      () => `/api/articles?filters[title][$contains]=${encodeURIComponent('محرمانه')}`,
    ],
  ])('%s', async (_name, url) => {
    const res = await app.http().get(url());
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('محرمانه');
  });

  it('findOne of a draft-only document is 404, also with status=draft', async () => {
    await app.http().get(`/api/articles/${draftId}`).expect(404);
    const res = await app.http().get(`/api/articles/${draftId}?status=draft`);
    expect(res.status).toBe(404);
  });

  it('a published article does not leak its newer draft', async () => {
    await app.strapi.documents('api::article.article').update({
      documentId: seedId,
      locale: 'fa',
      data: { title: 'تیتر اصلاح‌شده‌ی منتشرنشده' } as never,
    });
    const res = await app.http().get(`/api/articles/${seedId}?status=draft`).expect(200);
    expect(res.body.data.title).not.toContain('منتشرنشده');
  });

  it('GraphQL never returns drafts', async () => {
    const query = `{ articles(status: DRAFT) { title } article(documentId: "${draftId}") { title } }`;
    const res = await app.http().post('/graphql').send({ query });
    expect(JSON.stringify(res.body)).not.toContain('محرمانه');
  });
});

describe('locale fallback', () => {
  it('findOne in an untranslated locale serves the Persian version and says so', async () => {
    const res = await app.http().get(`/api/articles/${seedId}?locale=en`).expect(200);
    expect(res.body.data.locale).toBe('fa');
    expect(res.body.meta.localeFallback).toEqual({ requested: 'en', served: 'fa' });
    expect(res.headers['content-language']).toBe('fa');
  });

  it('a translated section is served in the locale asked for', async () => {
    const sections = await app
      .http()
      .get('/api/sections?locale=en&filters[name][$eq]=Politics')
      .expect(200);
    const { documentId } = sections.body.data[0];
    const res = await app.http().get(`/api/sections/${documentId}?locale=en`).expect(200);
    expect(res.body.data.name).toBe('Politics');
    expect(res.body.meta.localeFallback).toBeUndefined();
  });

  it('lists answer exactly the locale asked for', async () => {
    const res = await app.http().get('/api/articles?locale=en').expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('a document missing in every locale is still 404', async () => {
    await app.http().get('/api/articles/doesnotexist0000000000000?locale=en').expect(404);
  });
});

describe('writes without a token are refused', () => {
  it.each([
    ['POST', '/api/articles'],
    ['PUT', '/api/articles/SEED'],
    ['DELETE', '/api/articles/SEED'],
    ['POST', '/api/sections'],
    ['POST', '/api/officials'],
  ])('%s %s → 403', async (method, path) => {
    const url = path.replace('SEED', seedId);
    const req =
      method === 'POST'
        ? app.http().post(url)
        : method === 'PUT'
          ? app.http().put(url)
          : app.http().delete(url);
    const res = await req.send({ data: { title: 'x', lead: 'y', name: 'z', fullName: 'w' } });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
  });

  it('a GraphQL mutation is refused and nothing is stored', async () => {
    const before = await app.strapi.db.query('api::article.article').count();
    const res = await app.http().post('/graphql').send({
      query: 'mutation { createArticle(data: { title: "نفوذی", lead: "x" }) { documentId } }',
    });
    expect(res.body.errors?.[0]?.message).toMatch(/Forbidden/i);
    expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
  });
});
