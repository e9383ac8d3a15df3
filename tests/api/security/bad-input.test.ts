import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await createApiToken(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

const count = () => app.strapi.db.query('api::article.article').count();
const paragraph = (text: string) => ({ __component: 'article.paragraph', text });
const post = (data: Record<string, unknown>) =>
  app
    .http()
    .post('/api/articles?status=published')
    .set('Authorization', token)
    .send({ data: { title: 'عنوان', lead: 'لید', ...data } });

describe('hostile or broken writes: a 4xx naming the problem, nothing stored', () => {
  it.each([
    ['an impossible date', { publishedOn: '2017-02-30T10:00:00Z' }, /publishedOn|date/i],
    ['a date that is not a date', { publishedOn: '1402/12/30' }, /publishedOn|date/i],
    ['a title over 300 characters', { title: 'ب'.repeat(301) }, /title/],
    ['a paragraph over 20,000 characters', { body: [paragraph('پ'.repeat(20001))] }, /text|body/],
    ['a NUL in the title', { title: 'خبر\u0000فوری' }, /control character U\+0000/],
    ['an escape sequence in the lead', { lead: 'لید \u001b[31mقرمز' }, /control character U\+001B/],
    ['a lone surrogate', { title: 'خبر \ud800' }, /control character U\+D800/],
    ['an emoji-only title', { title: '🔥🎉' }, /slug/i],
    [
      'a footer in the middle of a published story',
      { body: [paragraph('متن'), paragraph('انتهای پیام'), paragraph('خبر دیگر.')] },
      /paragraph|block/i,
    ],
    ['an unknown field', { hacked: true }, /hacked|Invalid key/i],
  ])('%s', async (_name, data, message) => {
    const before = await count();
    const res = await post(data);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(`${res.body.error.message} ${JSON.stringify(res.body.error.details)}`).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('a request body over the 1 MB limit is refused with 413', async () => {
    const res = await post({
      body: Array.from({ length: 60 }, () => paragraph('ک'.repeat(19000))),
    });
    expect(res.status).toBe(413);
  });

  it('bidi overrides in Persian text are removed, not stored', async () => {
    const res = await post({ title: 'خبر \u202Eوارونه\u202C' }).expect(201);
    expect(res.body.data.title).toBe('خبر وارونه');
  });

  it('script tags and javascript: links in rich text are stored as text, exactly, for the frontend to escape', async () => {
    const hostile =
      '<script>alert(1)</script> [پیوند](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const res = await post({ title: 'آزمون اسکریپت', body: [paragraph(hostile)] }).expect(201);
    const read = await app
      .http()
      .get(`/api/articles/${res.body.data.documentId}?populate=body`)
      .expect(200);
    expect(read.body.data.body[0].text).toBe(hostile);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe("importKey, the importer's private key, is written only by the importer", () => {
  const keyOf = async (documentId: string) =>
    (
      await app.strapi.db
        .query('api::article.article')
        .findMany({ where: { documentId }, select: ['importKey'] })
    ).map((row) => row.importKey);

  it('a REST create or update that sets it is refused with 400 naming the field, nothing stored', async () => {
    const before = await count();
    const created = await post({ importKey: 'forged' }).expect(400);
    expect(created.body.error.message).toMatch(/importKey/);
    expect(created.body.error.details.messageFa).toMatch(/«importKey»/);
    expect(await count()).toBe(before);

    const story = await post({ title: 'کلید درون‌ریزی' }).expect(201);
    const { documentId } = story.body.data;
    const updated = await app
      .http()
      .put(`/api/articles/${documentId}`)
      .set('Authorization', token)
      .send({ data: { importKey: 'forged' } })
      .expect(400);
    expect(updated.body.error.message).toMatch(/importKey/);
    expect(await keyOf(documentId)).toEqual([null, null]);
  });

  it('a GraphQL mutation that sets it is refused naming the field in English and Persian, nothing stored', async () => {
    const before = await count();
    const res = await app.http().post('/graphql').set('Authorization', token).send({
      query:
        'mutation { createArticle(status: PUBLISHED, data: { title: "جعل کلید", lead: "لید", importKey: "forged" }) { documentId } }',
    });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].message).toMatch(/importKey/);
    expect(res.body.errors[0].extensions).toMatchObject({
      field: 'importKey',
      messageFa: expect.stringMatching(/«importKey»/),
    });
    expect(await count()).toBe(before);
  });
});

describe('an unknown GraphQL input field is refused in English and Persian', () => {
  it.each([
    [
      'inline',
      { query: 'mutation { createSection(data: { name: "بخش", hacked: true }) { documentId } }' },
    ],
    [
      'in variables',
      {
        query: 'mutation ($data: SectionInput!) { createSection(data: $data) { documentId } }',
        variables: { data: { name: 'بخش', hacked: true } },
      },
    ],
  ])('%s', async (_name, body) => {
    const res = await app.http().post('/graphql').set('Authorization', token).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/hacked/);
    expect(res.body.errors[0].extensions).toMatchObject({
      field: 'hacked',
      messageFa: expect.stringMatching(/«hacked»/),
    });
  });
});

describe("footerNotes, the footer plugin's private notes, are written only by the plugin", () => {
  const notesOf = async (documentId: string) =>
    (
      await app.strapi.db
        .query('api::article.article')
        .findMany({ where: { documentId }, select: ['footerNotes'], orderBy: { id: 'asc' } })
    ).map((row) => row.footerNotes);
  const forged = { removed: ['جعلی'], midStory: [] };

  it('a REST create or an update without a body that sets them is refused with 400 naming the field, nothing stored', async () => {
    const before = await count();
    const created = await post({ footerNotes: forged }).expect(400);
    expect(created.body.error.message).toMatch(/footerNotes/);
    expect(created.body.error.details.messageFa).toMatch(/«footerNotes»/);
    expect(await count()).toBe(before);

    const story = await post({
      title: 'یادداشت پانویس',
      body: [paragraph('متن خبر.'), paragraph('انتهای پیام')],
    }).expect(201);
    const { documentId } = story.body.data;
    const written = await notesOf(documentId);
    expect(written[0]).toEqual({ removed: ['انتهای پیام'], midStory: [] }); // the plugin still writes them
    const updated = await app
      .http()
      .put(`/api/articles/${documentId}`)
      .set('Authorization', token)
      .send({ data: { footerNotes: forged } })
      .expect(400);
    expect(updated.body.error.details.messageFa).toMatch(/«footerNotes»/);
    expect(await notesOf(documentId)).toEqual(written);
  });

  it('a GraphQL create or update that sets them is refused naming the field in English and Persian, nothing stored', async () => {
    const before = await count();
    const res = await app.http().post('/graphql').set('Authorization', token).send({
      query:
        'mutation { createArticle(status: PUBLISHED, data: { title: "جعل یادداشت", lead: "لید", footerNotes: { removed: ["x"] } }) { documentId } }',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({
      field: 'footerNotes',
      messageFa: expect.stringMatching(/«footerNotes»/),
    });
    expect(await count()).toBe(before);

    const story = await post({ title: 'یادداشت گراف‌کیوال' }).expect(201);
    const { documentId } = story.body.data;
    const update = await app
      .http()
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query:
          'mutation ($id: ID!, $data: ArticleInput!) { updateArticle(documentId: $id, data: $data) { documentId } }',
        variables: { id: documentId, data: { footerNotes: forged } },
      });
    expect(update.status).toBe(400);
    expect(update.body.errors[0].extensions).toMatchObject({ field: 'footerNotes' });
    expect(await notesOf(documentId)).toEqual([null, null]);
  });
});

describe('derived fields (footer, footerLine, newsCode) sent by a token are ignored: what is stored is computed', () => {
  const derived = { footer: 'پایان جعلی', footerLine: 'پایان جعلی/ ۹۹', newsCode: 999999 };
  const stored = async (documentId: string) =>
    (await app.http().get(`/api/articles/${documentId}`).expect(200)).body.data as Record<
      string,
      unknown
    >;

  it('REST create and update', async () => {
    const created = await post({ title: 'فیلدهای محاسبه‌شده', ...derived }).expect(201);
    const { documentId } = created.body.data;
    const first = await stored(documentId);
    expect(first).toMatchObject({ footer: 'انتهای پیام', footerLine: 'انتهای پیام' });
    expect(first.newsCode).not.toBe(derived.newsCode);
    await app
      .http()
      .put(`/api/articles/${documentId}?status=published`)
      .set('Authorization', token)
      .send({ data: derived })
      .expect(200);
    expect(await stored(documentId)).toMatchObject({
      footer: first.footer,
      footerLine: first.footerLine,
      newsCode: first.newsCode,
    });
  });

  it('GraphQL create and update', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query:
          'mutation ($data: ArticleInput!) { createArticle(status: PUBLISHED, data: $data) { documentId } }',
        variables: { data: { title: 'محاسبه‌شده گراف‌کیوال', lead: 'لید', ...derived } },
      })
      .expect(200);
    const { documentId } = res.body.data.createArticle;
    const first = await stored(documentId);
    expect(first).toMatchObject({ footer: 'انتهای پیام', footerLine: 'انتهای پیام' });
    expect(first.newsCode).not.toBe(derived.newsCode);
    await app
      .http()
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query:
          'mutation ($id: ID!, $data: ArticleInput!) { updateArticle(documentId: $id, status: PUBLISHED, data: $data) { documentId } }',
        variables: { id: documentId, data: derived },
      })
      .expect(200);
    expect(await stored(documentId)).toMatchObject({
      footer: first.footer,
      footerLine: first.footerLine,
      newsCode: first.newsCode,
    });
  });
});

describe('hostile reads: never a 500, nothing changed', () => {
  it.each([
    "/api/articles?filters[title][$eq]=x' OR 1=1 --",
    '/api/articles?filters[title][$contains]=%27%3B%20DROP%20TABLE%20articles%3B--',
    '/api/articles?filters[$or][0][title][$null]=true&filters[$or][1][id][$gt]=0 UNION SELECT * FROM admin_users',
    '/api/articles?sort=title;DROP TABLE articles',
    '/api/articles?filters[publishedOn][$gte]=1100/01/01',
    '/api/articles?filters[publishedOn][$gte]=1396/13/01',
    '/api/articles?pagination[pageSize]=100000',
    '/api/articles?pagination[limit]=-1',
    '/api/articles?populate[section][populate][articles][populate][section][populate][articles][populate]=*',
    `/api/articles/slug/${encodeURIComponent("x' OR '1'='1")}`,
    '/api/articles/slug/%E0%A4%A',
    '/api/articles/slug/%00',
    '/api/articles/code/1;DROP',
    '/api/articles/archive/99999/1',
    `/api/search?q=${encodeURIComponent("'; DROP TABLE persian_search_fts; --")}`,
  ])('%s', async (url) => {
    const before = await count();
    const res = await app.http().get(url);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.js:\d+/);
    expect(await count()).toBe(before);
  });

  it('date filters out of the supported range are refused with the reason', async () => {
    const res = await app
      .http()
      .get('/api/articles?filters[publishedOn][$gte]=1100/01/01')
      .expect(400);
    expect(res.body.error.message).toMatch(/1100/);
    await app.http().get('/api/articles?pagination[pageSize]=100000').expect(400);
  });

  it('deeply nested GraphQL is refused by the depth limit, without a stack trace', async () => {
    const res = await app.http().post('/graphql').send({
      query:
        '{ articles { section { articles { section { articles { section { articles { section { articles { title } } } } } } } } } }',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Query depth limit of 8 exceeded, found 10/);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace/);
  });

  it('GraphQL page sizes over 100 are refused and injection in arguments is only data', async () => {
    const big = await app
      .http()
      .post('/graphql')
      .send({ query: '{ articles(pagination: { pageSize: 100000 }) { title } }' });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].message).toBe(
      'articles(pagination.pageSize) must be a whole number from 1 to 100'
    );
    const res = await app.http().post('/graphql').send({
      query: '{ articles(filters: { title: { eq: "x\\" OR 1=1 --" } }) { title } }',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.articles).toEqual([]);
  });
});

describe('numbers out of range: a 400 naming the parameter', () => {
  const q = encodeURIComponent('سلیمی');
  it.each([
    // Issue #19: a 500 (SQLite "datatype mismatch"), or a 200 labelled page 1e20.
    [
      '/api/articles?pagination[start]=99999999999999999999&pagination[limit]=1',
      'pagination[start]',
      0,
      2147483647,
    ],
    [`/api/search?q=${q}&pagination[page]=99999999999999999999`, 'pagination[page]', 1, 2147483647],
    ['/api/articles?pagination[page]=99999999999999999999', 'pagination[page]', 1, 2147483647],
    ['/api/articles?pagination[page]=1e20', 'pagination[page]', 1, 2147483647],
    ['/api/articles?pagination[page]=-1', 'pagination[page]', 1, 2147483647],
    ['/api/articles?pagination[page]=0', 'pagination[page]', 1, 2147483647],
    ['/api/articles?pagination[page]=1.5', 'pagination[page]', 1, 2147483647],
    ['/api/articles?pagination[page]=abc', 'pagination[page]', 1, 2147483647],
    ['/api/articles?pagination[pageSize]=0', 'pagination[pageSize]', 1, 100],
    ['/api/articles?pagination[pageSize]=1e2', 'pagination[pageSize]', 1, 100],
    ['/api/articles?pagination[start]=-1', 'pagination[start]', 0, 2147483647],
    ['/api/articles?pagination[limit]=1.5', 'pagination[limit]', 1, 100],
    ['/api/articles/archive/1396/8?pagination[page]=1e20', 'pagination[page]', 1, 2147483647],
    [`/api/search?q=${q}&pagination[page]=-1`, 'pagination[page]', 1, 2147483647],
    [`/api/search?q=${q}&pagination[pageSize]=101`, 'pagination[pageSize]', 1, 100],
  ])('%s', async (url, parameter, min, max) => {
    const res = await app.http().get(url).expect(400);
    expect(res.body.error.message).toBe(
      `${parameter} must be a whole number from ${min} to ${max}`
    );
    expect(res.body.error.details).toMatchObject({
      parameter,
      min,
      max,
      messageFa: expect.stringMatching(/[\u0600-\u06FF]/),
    });
  });

  it.each([
    ['/api/articles?filters[newsCode][$gt]=1e400', 'filters[newsCode][$gt]'],
    ['/api/articles?filters[newsCode][$eq]=abc', 'filters[newsCode][$eq]'],
    ['/api/articles?filters[$or][0][newsCode][$lt]=x', 'filters[$or][0][newsCode][$lt]'],
  ])('%s', async (url, parameter) => {
    const res = await app.http().get(url).expect(400);
    expect(res.body.error.message).toMatch(`${parameter} must be a number`);
    expect(res.body.error.details).toMatchObject({
      parameter,
      messageFa: expect.stringMatching(/[\u0600-\u06FF]/),
    });
  });

  it.each([
    ['/api/articles/archive/99999999999999999999', /Archive year/],
    ['/api/articles/archive/1396/1e2', /Archive month/],
    ['/api/articles/archive/1396/8/-1', /Archive day/],
  ])('%s', async (url, message) => {
    const res = await app.http().get(url).expect(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('the largest page is still answered', async () => {
    const res = await app
      .http()
      .get('/api/articles?pagination[page]=2147483647&pagination[pageSize]=100')
      .expect(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.meta.pagination.page).toBe(2147483647);
  });
});
