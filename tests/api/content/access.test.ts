import { bootApp, TestApp } from '../../harness/strapi';
import {
  READER_ACTIONS,
  RETIRED_READER_ACTIONS,
  revokeRetiredActions,
} from '../../../src/bootstrap/reader-permissions';

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

describe('one permission opens or closes every way to a document', () => {
  const PUBLIC_ROLE = { type: 'public' };
  const permissions = () => app.strapi.db.query('plugin::users-permissions.permission');
  const publicActions = async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: PUBLIC_ROLE, populate: ['permissions'] });
    return (role.permissions as Array<{ action: string }>).map((permission) => permission.action);
  };
  /** Runs `check` with `action` taken from the public role, then gives it back. */
  const without = async (action: string, check: () => Promise<void>) => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: PUBLIC_ROLE });
    const held = await permissions().findOne({ where: { action, role: role.id } });
    await permissions().delete({ where: { id: held.id } });
    try {
      await check();
    } finally {
      await permissions().create({ data: { action, role: role.id } });
    }
  };
  const graphql = (query: string) => app.http().post('/graphql').send({ query });
  let slug: string;
  let newsCode: number;
  beforeAll(async () => {
    const seed = await app.strapi
      .documents('api::article.article')
      .findOne({ documentId: seedId, locale: 'fa', status: 'published' });
    ({ slug, newsCode } = seed as unknown as { slug: string; newsCode: number });
  });

  it("the lookups' own actions are not held: the readers' roles hold the content types' find and findOne", async () => {
    const held = await publicActions();
    for (const action of READER_ACTIONS) expect(held).toContain(action);
    for (const action of RETIRED_READER_ACTIONS) expect(held).not.toContain(action);
  });

  it('an action granted by an earlier version is revoked with its link to the role', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: PUBLIC_ROLE });
    await permissions().create({ data: { action: 'api::article.by-slug.findOne', role: role.id } });
    expect(await publicActions()).toContain('api::article.by-slug.findOne');
    await revokeRetiredActions(app.strapi, RETIRED_READER_ACTIONS);
    expect(await publicActions()).not.toContain('api::article.by-slug.findOne');
    expect(await permissions().count({ where: { action: { $in: RETIRED_READER_ACTIONS } } })).toBe(
      0
    );
  });

  it("without the article's findOne: by id, by slug and by news code are 403, in REST and GraphQL", async () => {
    await without('api::article.article.findOne', async () => {
      for (const path of [
        `/api/articles/${seedId}?locale=fa`,
        `/api/articles/slug/${encodeURIComponent(slug)}?locale=fa`,
        `/api/articles/code/${newsCode}?locale=fa`,
      ]) {
        const res = await app.http().get(path);
        expect([path, res.status]).toEqual([path, 403]);
      }
      const res = await graphql(
        `{ articleBySlug(slug: "${slug}") { article { title } } articleByNewsCode(newsCode: ${newsCode}) { title } }`
      );
      expect(res.body.errors?.map((error: { message: string }) => error.message)).toEqual([
        'Forbidden access',
        'Forbidden access',
      ]);
      await app.http().get('/api/articles?locale=fa&pagination[pageSize]=1').expect(200);
    });
    await app
      .http()
      .get(`/api/articles/slug/${encodeURIComponent(slug)}`)
      .expect(200);
  });

  it("without the article's find: the list, the archive and search are 403, in REST and GraphQL", async () => {
    await without('api::article.article.find', async () => {
      for (const path of [
        '/api/articles?locale=fa&pagination[pageSize]=2',
        '/api/articles/archive/1396/8?locale=fa',
        `/api/search?q=${encodeURIComponent('سلیمی')}&locale=fa`,
      ]) {
        const res = await app.http().get(path);
        expect([path, res.status]).toEqual([path, 403]);
      }
      const res = await graphql(`
        {
          articlesArchive(year: 1396) {
            title
          }
          search(q: "سلیمی") {
            total
          }
        }
      `);
      expect(res.body.errors?.map((error: { message: string }) => error.message)).toEqual([
        'Forbidden access',
        'Forbidden access',
      ]);
      await app.http().get(`/api/articles/${seedId}`).expect(200);
    });
    await app
      .http()
      .get(`/api/search?q=${encodeURIComponent('سلیمی')}`)
      .expect(200);
  });
});
