/**
 * Never stale, on one instance: every read path is warmed into the cache, then a write is made through
 * each write path (REST, GraphQL, the document service as the admin and the importer use it, the admin's
 * own HTTP API, raw database queries), and the very next public reads show the new state.
 * Runs on SQLite and, with TEST_DB=postgres, on PostgreSQL (embedded cache, generation file).
 */
import { AsyncResource } from 'async_hooks';
import { bootApp, TestApp } from '../../harness/strapi';
import { testEngine } from '../../harness/database';
import { createApiToken } from '../../harness/tokens';

const ARTICLE = 'api::article.article';
const PUBLISHED_ON = '2024-03-10T08:00:00.000Z'; // 1402/12/20 in Tehran
const ARCHIVE = '/api/articles/archive/1402/12?locale=fa&pagination[pageSize]=100';

let app: TestApp;
let token: string;
let adminJwt: string;
let sectionId: string;

interface Story {
  documentId: string;
  slug: string;
  newsCode: number;
  tag: string;
}

const tag = () =>
  `brk${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
const gql = (query: string) => app.http().post('/graphql').send({ query });

/** The title every public read path shows for the story (null: absent), and whether each came from the cache. */
const views = async (story: Story) => {
  const http = app.http();
  const pick = (list: Array<{ documentId: string; title: string }> | undefined) =>
    list?.find((entry) => entry.documentId === story.documentId)?.title ?? null;
  const reads = await Promise.all([
    http.get('/api/articles?locale=fa&pagination[pageSize]=100'),
    http.get(`/api/articles/${story.documentId}?locale=fa`),
    http.get(`/api/articles/slug/${encodeURIComponent(story.slug)}?locale=fa`),
    http.get(`/api/articles/code/${story.newsCode}`),
    http.get(ARCHIVE),
    http.get(`/api/search?q=${story.tag}&locale=fa`),
    http.get(`/api/sections/${sectionId}?locale=fa&populate[articles][fields][0]=title`),
    gql('{ articles(locale: "fa", pagination: { pageSize: 100 }) { documentId title } }'),
    gql(`{ article(documentId: "${story.documentId}", locale: "fa") { documentId title } }`),
    gql(`{ articleBySlug(slug: "${story.slug}", locale: "fa") { article { documentId title } } }`),
    gql(`{ search(q: "${story.tag}", locale: "fa") { hits { documentId title } } }`),
  ]);
  const [list, one, slug, code, archive, search, section, gList, gOne, gSlug, gSearch] = reads;
  const seen = {
    list: pick(list.body.data),
    findOne: one.status === 200 ? one.body.data.title : null,
    slug: slug.status === 200 ? slug.body.data.title : null,
    code: code.status === 200 ? code.body.data.title : null,
    archive: pick(archive.body.data),
    search: pick(search.body.data),
    section: pick(section.body.data?.articles),
    graphqlList: pick(gList.body.data?.articles),
    graphqlOne: gOne.body.data?.article?.title ?? null,
    graphqlSlug: gSlug.body.data?.articleBySlug?.article?.title ?? null,
    graphqlSearch: pick(gSearch.body.data?.search?.hits),
  };
  for (const res of reads) expect(res.status).toBeLessThan(500);
  return { seen, cache: reads.map((res) => res.headers['x-cache']) };
};

const everywhere = (title: string | null) => ({
  list: title,
  findOne: title,
  slug: title,
  code: title,
  archive: title,
  search: title,
  section: title,
  graphqlList: title,
  graphqlOne: title,
  graphqlSlug: title,
  graphqlSearch: title,
});

/** Reads every path twice: the second pass must come from the cache, so the write that follows meets warm entries. */
const warm = async (story: Story, expected: string | null) => {
  await views(story);
  const second = await views(story);
  expect(second.seen).toEqual(everywhere(expected));
  // Answers that exist are served from the cache; 404s are never stored.
  expect(second.cache.filter((label) => label === 'HIT').length).toBeGreaterThanOrEqual(
    expected === null ? 5 : 11
  );
};

const createStory = async (title: string): Promise<Story> => {
  const t = tag();
  const res = await app
    .http()
    .post('/api/articles?status=published&locale=fa')
    .set('Authorization', token)
    .send({
      data: {
        title: `${title} ${t}`,
        lead: 'لید خبر فوری',
        section: sectionId,
        publishedOn: PUBLISHED_ON,
      },
    });
  expect(res.status).toBe(201);
  const { documentId, slug, newsCode } = res.body.data;
  return { documentId, slug, newsCode, tag: t };
};

const titleOf = async (story: Story) =>
  (await app.strapi
    .documents(ARTICLE)
    .findOne({ documentId: story.documentId, locale: 'fa', status: 'draft' }))!.title as string;

beforeAll(async () => {
  app = await bootApp();
  token = await createApiToken(app.strapi);
  const sections = await app
    .http()
    .get('/api/sections?locale=fa&filters[slug][$eq]=دفاتر-پیشخوان')
    .expect(200);
  sectionId = sections.body.data[0].documentId;
  const credentials = { email: 'editor@example.com', password: 'Editor-Pass-1234' };
  await app
    .http()
    .post('/admin/register-admin')
    .send({ firstname: 'Editor', lastname: 'Chief', ...credentials });
  adminJwt = (await app.http().post('/admin/login').send(credentials).expect(200)).body.data.token;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('publish, correct, unpublish and delete are seen by the very next read', () => {
  let story: Story;
  let title: string;

  it('publish (REST create with status=published)', async () => {
    const probe = { documentId: 'x', slug: 'x', newsCode: 0, tag: tag() };
    await warm(probe, null);
    story = await createStory('زلزله در شمال');
    title = await titleOf(story);
    expect((await views(story)).seen).toEqual(everywhere(title));
  });

  it('a correction published through REST', async () => {
    await warm(story, title);
    title = `اصلاحیه: ${title}`;
    await app
      .http()
      .put(`/api/articles/${story.documentId}?status=published&locale=fa`)
      .set('Authorization', token)
      .send({ data: { title } })
      .expect(200);
    expect((await views(story)).seen).toEqual(everywhere(title));
  });

  it('unpublish through the document service (what the admin and the importer call)', async () => {
    await warm(story, title);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: story.documentId, locale: 'fa' });
    expect((await views(story)).seen).toEqual(everywhere(null));
  });

  it('publish again through the document service', async () => {
    await warm(story, null);
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'fa' });
    expect((await views(story)).seen).toEqual(everywhere(title));
  });

  it('a correction through a GraphQL mutation', async () => {
    await warm(story, title);
    title = `${title} (به‌روز)`;
    const res = await app
      .http()
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query: `mutation { updateArticle(documentId: "${story.documentId}", locale: "fa", status: PUBLISHED, data: { title: "${title}" }) { title } }`,
      });
    expect(res.body.errors).toBeUndefined();
    expect((await views(story)).seen).toEqual(everywhere(title));
  });

  it('unpublish from the admin panel (content-manager HTTP API)', async () => {
    await warm(story, title);
    await app
      .http()
      .post(
        `/content-manager/collection-types/${ARTICLE}/${story.documentId}/actions/unpublish?locale=fa`
      )
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({})
      .expect(200);
    expect((await views(story)).seen).toEqual(everywhere(null));
  });

  it('delete through REST', async () => {
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'fa' });
    await warm(story, title);
    await app
      .http()
      .delete(`/api/articles/${story.documentId}?locale=fa`)
      .set('Authorization', token)
      .expect(204);
    expect((await views(story)).seen).toEqual(everywhere(null));
  });
});

describe('other writes that change what a cached answer says', () => {
  it('a slug change: the old slug now redirects, the new one answers', async () => {
    const story = await createStory('تغییر نشانی');
    const oldUrl = `/api/articles/slug/${encodeURIComponent(story.slug)}?locale=fa`;
    await app.http().get(oldUrl).expect(200);
    expect((await app.http().get(oldUrl).expect(200)).headers['x-cache']).toBe('HIT');
    const slug = `نشانی-تازه-${story.tag}`;
    await app
      .http()
      .put(`/api/articles/${story.documentId}?status=published&locale=fa`)
      .set('Authorization', token)
      .send({ data: { slug } })
      .expect(200);
    const moved = await app.http().get(oldUrl);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toContain(encodeURIComponent(slug));
    await app
      .http()
      .get(`/api/articles/slug/${encodeURIComponent(slug)}?locale=fa`)
      .expect(200);
    // The redirect itself is cacheable, and replayed with its Location.
    const again = await app.http().get(oldUrl);
    expect(again.status).toBe(301);
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.headers.location).toBe(moved.headers.location);
  });

  it("a section's footer policy changes the footer of its stories", async () => {
    const story = await createStory('سیاست پایان خبر');
    const url = `/api/articles/${story.documentId}?locale=fa`;
    await app.http().get(url).expect(200);
    const before = await app.http().get(url).expect(200);
    expect(before.headers['x-cache']).toBe('HIT');
    expect(before.body.data.footerLine).toBe('انتهای پیام');
    await app
      .http()
      .put(`/api/sections/${sectionId}?status=published&locale=fa`)
      .set('Authorization', token)
      .send({ data: { footerMode: 'custom', footerText: 'پایان گزارش' } })
      .expect(200);
    expect((await app.http().get(url).expect(200)).body.data.footerLine).toBe('پایان گزارش');
    await app
      .http()
      .put(`/api/sections/${sectionId}?status=published&locale=fa`)
      .set('Authorization', token)
      .send({ data: { footerMode: 'inherit', footerText: null } })
      .expect(200);
    expect((await app.http().get(url).expect(200)).body.data.footerLine).toBe('انتهای پیام');
  });

  it('an official changed: their lookup and the stories quoting them', async () => {
    const official = (await app.http().get('/api/officials?locale=fa').expect(200)).body.data[0];
    const lookup = `/api/officials/slug/${encodeURIComponent(official.slug)}?locale=fa`;
    const story = `/api/articles?locale=fa&populate[quotedOfficials][fields][0]=role`;
    for (const url of [lookup, story, lookup, story]) await app.http().get(url).expect(200);
    expect((await app.http().get(lookup)).headers['x-cache']).toBe('HIT');
    await app.strapi.documents('api::official.official').update({
      documentId: official.documentId,
      locale: 'fa',
      data: { role: 'وزیر ارتباطات' } as never,
      status: 'published',
    });
    expect((await app.http().get(lookup).expect(200)).body.data.role).toBe('وزیر ارتباطات');
    const roles = (await app.http().get(story).expect(200)).body.data.flatMap(
      (a: { quotedOfficials: Array<{ role: string }> }) => a.quotedOfficials.map((o) => o.role)
    );
    expect(roles).toContain('وزیر ارتباطات');
  });

  it('a new locale version of a story', async () => {
    const story = await createStory('نسخه انگلیسی');
    const findOne = `/api/articles/${story.documentId}?locale=en`;
    const list = '/api/articles?locale=en';
    for (const url of [findOne, list, findOne, list]) await app.http().get(url).expect(200);
    expect((await app.http().get(findOne)).body.meta.localeFallback).toEqual({
      requested: 'en',
      served: 'fa',
    });
    await app
      .http()
      .put(`/api/articles/${story.documentId}?status=published&locale=en`)
      .set('Authorization', token)
      .send({ data: { title: `Earthquake ${story.tag}`, lead: 'Lead' } })
      .expect(200);
    const one = await app.http().get(findOne).expect(200);
    expect(one.body.data.title).toBe(`Earthquake ${story.tag}`);
    expect(one.body.meta.localeFallback).toBeUndefined();
    expect(
      ((await app.http().get(list).expect(200)).body.data as Array<{ title: string }>).map(
        (a) => a.title
      )
    ).toContain(`Earthquake ${story.tag}`);
  });

  it('an import run: stories written and published inside one transaction, then committed', async () => {
    const list = '/api/articles?locale=fa&pagination[pageSize]=100';
    await app.http().get(list).expect(200);
    expect((await app.http().get(list)).headers['x-cache']).toBe('HIT');
    const t = tag();
    let readBeforeCommit: string[] = [];
    // A reader outside the transaction: a server listening (and a request made) outside the writer's
    // async context, which Strapi's transaction context would otherwise follow.
    const outside = new AsyncResource('reader');
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as { port: number };
    await app.strapi.db.transaction(async () => {
      const created = await app.strapi.documents(ARTICLE).create({
        locale: 'fa',
        data: { title: `خبر واردشده ${t}`, lead: 'لید', section: sectionId } as never,
      });
      await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'fa' });
      // PostgreSQL lets a reader in while the transaction is open: it sees (and may cache) the old list.
      if (testEngine() === 'postgres') {
        const res = await outside.runInAsyncScope(() => fetch(`http://127.0.0.1:${port}${list}`));
        expect(res.status).toBe(200);
        readBeforeCommit = ((await res.json()) as { data: Array<{ title: string }> }).data.map(
          (a) => a.title
        );
      }
    });
    await new Promise((resolve) => server.close(resolve));
    expect(readBeforeCommit.some((title) => title.includes(t))).toBe(false);
    const after = (await app.http().get(list).expect(200)).body.data.map(
      (a: { title: string }) => a.title
    );
    expect(after.some((title: string) => title.includes(t))).toBe(true);
  });

  it('a write made with a raw database query (no document service)', async () => {
    const story = await createStory('ویرایش مستقیم');
    const url = `/api/articles/${story.documentId}?locale=fa`;
    await app.http().get(url).expect(200);
    expect((await app.http().get(url)).headers['x-cache']).toBe('HIT');
    await app.strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId: story.documentId }, data: { kicker: 'روتیتر تازه' } });
    expect((await app.http().get(url).expect(200)).body.data.kicker).toBe('روتیتر تازه');
  });

  it('a public permission withdrawn: cached answers are no longer served', async () => {
    await app.http().get('/api/officials').expect(200);
    expect((await app.http().get('/api/officials')).headers['x-cache']).toBe('HIT');
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const granted = await permissions.findOne({
      where: { action: 'api::official.official.find', role: role.id },
    });
    await permissions.delete({ where: { id: granted.id } });
    await app.http().get('/api/officials').expect(403);
    await permissions.create({ data: { action: 'api::official.official.find', role: role.id } });
    await app.http().get('/api/officials').expect(200);
  });
});
