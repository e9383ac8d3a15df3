import { bootApp, TestApp } from '../../harness/strapi';
import { createIdentities, Who } from '../../harness/identities';

let app: TestApp;
let auth: Record<Who, string | undefined>;
let seedId: string;
const SEED_SLUG = 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر';
const EMBARGO = 'تحریمی‌محرمانه';
let draftId: string;
let draftCode: number;

beforeAll(async () => {
  app = await bootApp();
  auth = await createIdentities(app);
  const [seed] = await app.strapi
    .documents('api::article.article')
    .findMany({ locale: 'fa', status: 'published' });
  seedId = seed.documentId;
  const [section] = await app.strapi
    .documents('api::section.section')
    .findMany({ locale: 'fa', status: 'published', filters: { name: 'دفاتر پیشخوان' } });
  const draft = await app.strapi.documents('api::article.article').create({
    locale: 'fa',
    data: {
      title: `خبر ${EMBARGO} انتخابات`,
      lead: `لید ${EMBARGO}`,
      section: section.documentId,
      publishedOn: '2017-10-31T12:00:00Z',
    } as never,
  });
  draftId = draft.documentId;
  draftCode = (
    await app.strapi.db.query('api::article.article').findOne({ where: { documentId: draftId } })
  ).newsCode;
  // A published story whose newer draft is embargoed.
  await app.strapi
    .documents('api::article.article')
    .update({ documentId: seedId, locale: 'fa', data: { kicker: EMBARGO } as never });
});
afterAll(async () => {
  await app?.close();
});

const send = (method: 'get' | 'post' | 'put' | 'delete', url: string, who: Who, body?: object) => {
  const req = app.http()[method](url);
  if (auth[who]) req.set('Authorization', auth[who]!);
  return body ? req.send(body) : req;
};

const READERS: Who[] = ['public', 'end user', 'read-only token'];
const EVERYONE: Who[] = [...READERS, 'full-access token'];

describe('reads: every reader may read published content', () => {
  const routes = () => [
    '/api/articles',
    `/api/articles/${seedId}`,
    `/api/articles/slug/${encodeURIComponent(SEED_SLUG)}`,
    '/api/articles/code/1',
    '/api/articles/archive/1396/8',
    `/api/search?q=${encodeURIComponent('سلیمی')}`,
    '/api/sections',
    '/api/officials',
  ];
  it.each(EVERYONE)('%s', async (who) => {
    for (const url of routes()) {
      const res = await send('get', url, who);
      expect([url, res.status]).toEqual([url, 200]);
    }
  });
});

describe('drafts never reach readers, through any route', () => {
  const leaks = () => [
    '/api/articles',
    '/api/articles?status=draft',
    `/api/articles/${seedId}?status=draft`,
    `/api/articles/${draftId}?status=draft`,
    `/api/articles?filters[title][$contains]=${encodeURIComponent(EMBARGO)}`,
    `/api/articles/code/${draftCode}`,
    `/api/articles/slug/${encodeURIComponent(`خبر-${EMBARGO}-انتخابات`)}`,
    '/api/articles/archive/1396/8/9',
    '/api/articles/archive/1396/8/9?status=draft',
    `/api/search?q=${encodeURIComponent(EMBARGO)}`,
    '/api/sections?populate=articles',
    '/api/sections?populate=articles&status=draft',
    '/api/officials?populate=articles&status=draft',
  ];
  const graphql = () => [
    '{ articles(status: DRAFT) { title kicker lead } }',
    `{ article(documentId: "${draftId}", status: DRAFT) { title } }`,
    `{ articleByNewsCode(newsCode: ${draftCode}) { title } }`,
    '{ articlesArchive(year: 1396, month: 8) { title kicker } }',
    `{ search(q: "${EMBARGO}") { hits { title } } }`,
    '{ sections(status: DRAFT) { articles { title kicker } } }',
  ];
  it.each(READERS)('%s', async (who) => {
    for (const url of leaks()) {
      const res = await send('get', url, who);
      expect([url, JSON.stringify(res.body)]).not.toEqual([url, expect.stringContaining(EMBARGO)]);
      expect(res.status).toBeLessThan(500);
    }
    for (const query of graphql()) {
      const res = await send('post', '/graphql', who, { query });
      expect([query, JSON.stringify(res.body)]).not.toEqual([
        query,
        expect.stringContaining(EMBARGO),
      ]);
    }
  });

  it('a full-access token (previews) does read drafts', async () => {
    const res = await send(
      'get',
      `/api/articles/${draftId}?status=draft`,
      'full-access token'
    ).expect(200);
    expect(res.body.data.title).toContain(EMBARGO);
  });
});

describe('writes: only a full-access token', () => {
  const writes = () =>
    [
      ['post', '/api/articles', { data: { title: 'نفوذی', lead: 'x' } }],
      ['put', `/api/articles/${seedId}`, { data: { title: 'نفوذی' } }],
      ['delete', `/api/articles/${draftId}`, undefined],
      ['post', '/api/sections', { data: { name: 'نفوذی' } }],
      ['put', `/api/officials/any`, { data: { fullName: 'نفوذی' } }],
      ['post', '/api/import', { files: [{ name: 'x.txt', content: 'لید نفوذی\n\nتیتر نفوذی' }] }],
    ] as const;

  it.each(READERS)('%s is refused with 403 and nothing changes', async (who) => {
    const before = await app.strapi.db.query('api::article.article').count();
    for (const [method, url, body] of writes()) {
      const res = await send(method, url, who, body);
      expect([method, url, res.status]).toEqual([method, url, 403]);
    }
    const mutation = await send('post', '/graphql', who, {
      query: 'mutation { createArticle(data: { title: "نفوذی", lead: "x" }) { documentId } }',
    });
    expect(mutation.body.errors[0].message).toMatch(/Forbidden/);
    expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
  });

  it('full-access token may write', async () => {
    await send('post', '/api/sections', 'full-access token', {
      data: { name: 'سرویس تازه' },
    }).expect(201);
  });
});

describe('users and plugin admin routes', () => {
  // A read-only API token reads every `find` of the content API, users included: Strapi's own semantics.
  it.each(['public', 'end user'] as Who[])('%s cannot list users', async (who) => {
    const res = await send('get', '/api/users', who);
    expect([401, 403]).toContain(res.status);
  });

  it.each([...EVERYONE])("%s cannot use the plugins' admin routes", async (who) => {
    for (const url of [
      '/persian-slug/preview?uid=api::article.article&from=x',
      '/footer-policy/preview',
      '/footer-policy/fields',
      `/scheduling/articles/${seedId}`,
    ]) {
      const res = await send('get', url, who);
      expect([url, res.status]).toEqual([url, 401]);
    }
  });

  it('an admin can', async () => {
    const slug = await send(
      'get',
      `/persian-slug/preview?uid=api::article.article&locale=fa&from=${encodeURIComponent('سلام دنیا')}`,
      'admin'
    ).expect(200);
    expect(slug.body).toMatchObject({ slug: 'سلام-دنیا', free: true });
    const footer = await send(
      'get',
      `/footer-policy/preview?documentId=${seedId}&locale=fa`,
      'admin'
    ).expect(200);
    expect(footer.body.footer).toBe('انتهای پیام');
    const fields = await send('get', '/footer-policy/fields', 'admin').expect(200);
    expect(fields.body).toMatchObject({
      uid: 'api::article.article',
      section: 'section',
      body: 'body',
    });
    const schedule = await send('get', `/scheduling/articles/${seedId}?locale=fa`, 'admin').expect(
      200
    );
    expect(schedule.body).toMatchObject({ scheduledAt: null, live: true });
  });
});
