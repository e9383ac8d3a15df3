/**
 * Malformed input (issue #20, #19): titles and names with nothing to read, bodies that are not UTF-8 or
 * declare another charset, bodies nested past the limit. Each is a clear 4xx and nothing is stored.
 */
import iconv from 'iconv-lite';
import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { story } from '../importer/helpers';

let app: TestApp;
let token: string;
let adminJwt: string;
beforeAll(async () => {
  app = await bootApp();
  token = await createApiToken(app.strapi);
  const credentials = { email: 'editor@example.com', password: 'Editor-Pass-1234' };
  await app
    .http()
    .post('/admin/register-admin')
    .send({ firstname: 'Editor', lastname: 'Chief', ...credentials })
    .expect(200);
  adminJwt = `Bearer ${(await app.http().post('/admin/login').send(credentials).expect(200)).body.data.token}`;
});
afterAll(async () => {
  await app?.close();
});

const ARTICLE = 'api::article.article';
const count = (uid = ARTICLE) => app.strapi.db.query(uid).count();
/** The bytes exactly as given (superagent would JSON-encode a Buffer), with the token or as the public. */
const postJson = (
  url: string,
  bytes: Buffer | string,
  contentType = 'application/json',
  authorization: string | null = token
) => {
  const request = app
    .http()
    .post(url)
    .set('Content-Type', contentType)
    .serialize((body) => body);
  return (authorization ? request.set('Authorization', authorization) : request).send(bytes);
};

const BLANK_TITLES: Array<[string, string]> = [
  ['spaces', '   '],
  ['no-break spaces', '\u00A0\u00A0'],
  ['tatweel only', 'ـــ'],
  ['ZWNJ, bidi marks and a harakat', '\u200C\u200F \u064B'],
];

describe('a title, section name or official name empty after hygiene is a 400, nothing stored', () => {
  it.each(BLANK_TITLES)('REST: a title of %s, published or draft', async (_name, title) => {
    const before = await count();
    for (const status of ['published', 'draft']) {
      const res = await app
        .http()
        .post(`/api/articles?status=${status}`)
        .set('Authorization', token)
        .send({ data: { title, lead: 'لید' } })
        .expect(400);
      expect(res.body.error.message).toMatch(/"title" is empty/);
      expect(res.body.error.details).toMatchObject({
        code: 'BLANK_FIELD',
        field: 'title',
        messageFa: expect.stringContaining('عنوان خالی است'),
      });
      expect(res.body.error.details.errors[0].path).toEqual(['title']);
    }
    expect(await count()).toBe(before);
  });

  it('a draft without a title, and an update that blanks one', async () => {
    const before = await count();
    await app
      .http()
      .post('/api/articles')
      .set('Authorization', token)
      .send({ data: { lead: 'لید بی‌تیتر' } })
      .expect(400);
    expect(await count()).toBe(before);
    const created = await app
      .http()
      .post('/api/articles')
      .set('Authorization', token)
      .send({ data: { title: 'تیتر درست', lead: 'لید' } })
      .expect(201);
    const res = await app
      .http()
      .put(`/api/articles/${created.body.data.documentId}`)
      .set('Authorization', token)
      .send({ data: { title: 'ـ ـ' } })
      .expect(400);
    expect(res.body.error.details.code).toBe('BLANK_FIELD');
    const stored = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: created.body.data.documentId } });
    expect(stored.title).toBe('تیتر درست');
  });

  it('a section name and an official name', async () => {
    for (const [url, uid, data] of [
      ['/api/sections', 'api::section.section', { name: '\u00A0ـ\u200C' }],
      ['/api/officials', 'api::official.official', { fullName: '  ' }],
    ] as const) {
      const before = await count(uid);
      const res = await app.http().post(url).set('Authorization', token).send({ data }).expect(400);
      expect(res.body.error.details).toMatchObject({
        code: 'BLANK_FIELD',
        field: Object.keys(data)[0],
      });
      expect(await count(uid)).toBe(before);
    }
  });

  it('GraphQL', async () => {
    const before = await count();
    const res = await app.http().post('/graphql').set('Authorization', token).send({
      query:
        'mutation { createArticle(status: PUBLISHED, data: { title: "ـــ", lead: "لید" }) { documentId } }',
    });
    expect(res.body.errors[0].message).toMatch(/"title" is empty/);
    expect(res.body.errors[0].extensions.error.details.code).toBe('BLANK_FIELD');
    expect(await count()).toBe(before);
  });

  it('the admin content manager', async () => {
    const before = await count();
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE}?locale=fa`)
      .set('Authorization', adminJwt)
      .send({ title: '\u00A0 \u00A0', lead: 'لید' })
      .expect(400);
    expect(res.body.error.details.errors[0]).toMatchObject({
      path: ['title'],
      message: 'عنوان خالی است.',
    });
    expect(await count()).toBe(before);
  });

  it("an emoji-only title is still the slug plugin's refusal", async () => {
    const res = await app
      .http()
      .post('/api/articles')
      .set('Authorization', token)
      .send({ data: { title: '🔥🎉', lead: 'لید' } })
      .expect(400);
    expect(res.body.error.details.code).toBe('EMPTY_SLUG');
  });
});

describe('JSON bodies: UTF-8 checked and other charsets decoded before parsing', () => {
  const head = Buffer.from('{"data":{"title":"', 'utf8');
  const badTitle = Buffer.concat([
    head,
    Buffer.from([0xff, 0xfe]),
    Buffer.from('(عنوان بد","lead":"لید"}}', 'utf8'),
  ]);

  it('bytes that are not UTF-8: 400 naming the field and the byte offset', async () => {
    const before = await count();
    const res = await postJson('/api/articles?status=published', badTitle).expect(400);
    expect(res.body.error.message).toMatch(
      new RegExp(
        `not valid UTF-8: invalid byte 0xFF at byte offset ${head.length} \\(in or after field "title"\\)`
      )
    );
    expect(res.body.error.details).toMatchObject({
      code: 'INVALID_UTF8',
      offset: head.length,
      field: 'title',
      messageFa: expect.stringMatching(/UTF-8/),
    });
    expect(await count()).toBe(before);
  });

  it('a truncated sequence after valid Persian and a literal U+FFFD, and a GraphQL body', async () => {
    const prefix = Buffer.from('{"data":{"title":"عنوان � درست","lead":"لید ', 'utf8');
    const res = await postJson(
      '/api/articles',
      Buffer.concat([prefix, Buffer.from([0xd8]), Buffer.from('"}}')])
    ).expect(400);
    expect(res.body.error.details).toMatchObject({ offset: prefix.length, field: 'lead' });
    const graphql = Buffer.concat([
      Buffer.from('{"query":"{ articles(filters: { title: { eq: \\"'),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from('\\" } }) { title } }"}'),
    ]);
    expect((await postJson('/graphql', graphql).expect(400)).body.error.details.code).toBe(
      'INVALID_UTF8'
    );
    // The public's GraphQL reads go through the response cache first, which reads the body too.
    expect(
      (await postJson('/graphql', graphql, 'application/json', null).expect(400)).body.error.details
        .code
    ).toBe('INVALID_UTF8');
  });

  it('charset=windows-1256 is decoded as declared', async () => {
    const json = JSON.stringify({ data: { title: 'خبر ويندوز 1256 از آرشيو', lead: 'لید' } });
    const res = await postJson(
      '/api/articles',
      iconv.encode(json, 'windows-1256'),
      'application/json; charset=windows-1256'
    ).expect(201);
    expect(res.body.data.title).toBe('خبر ویندوز 1256 از آرشیو');
  });

  it.each([
    ['broken JSON', '{"data":{"title":"عنوان",}}'],
    ['a top-level string', '"عنوان"'],
    [
      'a prototype-poisoning key',
      '{"data":{"title":"عنوان","lead":"لید","__proto__":{"admin":true}}}',
    ],
  ])('%s is a 400 INVALID_JSON', async (_name, body) => {
    const before = await count();
    const res = await postJson('/api/articles', body).expect(400);
    expect(res.body.error.details).toMatchObject({
      code: 'INVALID_JSON',
      messageFa: expect.any(String),
    });
    expect(await count()).toBe(before);
  });

  it('an unknown charset is 415, nothing stored', async () => {
    const before = await count();
    const res = await postJson(
      '/api/articles',
      JSON.stringify({ data: { title: 'عنوان', lead: 'لید' } }),
      'application/json; charset=x-klingon'
    ).expect(415);
    expect(res.body.error.details).toMatchObject({
      code: 'UNSUPPORTED_CHARSET',
      charset: 'x-klingon',
    });
    expect(await count()).toBe(before);
  });
});

describe('nesting deeper than the limit is refused before parsing', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it.each(['/api/articles', '/graphql'])(
    '100,000 nested arrays to %s: 400, not a stack overflow',
    async (url) => {
      const before = await count();
      const res = await postJson(
        url,
        `{"data":{"title":"عنوان","lead":"لید","body":${nested(100000)}}}`
      ).expect(400);
      expect(res.body.error.message).toMatch(/deeper than 32 levels/);
      expect(res.body.error.details).toMatchObject({ code: 'TOO_DEEP', maxDepth: 32 });
      expect(await count()).toBe(before);
    }
  );

  it('a public GraphQL read nested too deep: 400, and a plain one still answers', async () => {
    const deep = `{"query":"{ articles { title } }","variables":{"x":${nested(100000)}}}`;
    expect(
      (await postJson('/graphql', deep, 'application/json', null).expect(400)).body.error.details
        .code
    ).toBe('TOO_DEEP');
    const plain = await postJson(
      '/graphql',
      JSON.stringify({ query: '{ articles(locale: "fa") { title } }' }),
      'application/json',
      null
    ).expect(200);
    expect(plain.body.data.articles.length).toBeGreaterThan(0);
  });

  it('brackets inside strings do not count; 32 levels pass', async () => {
    const title = `خبر ${'[{'.repeat(40)}`;
    const res = await postJson(
      '/api/articles',
      JSON.stringify({ data: { title, lead: 'لید' } })
    ).expect(201);
    expect(res.body.data.title).toBe(title);
    const deep = await postJson(
      '/api/articles',
      `{"data":{"title":"عنوان","lead":"لید","body":${nested(30)}}}`
    );
    expect(deep.status).toBe(400);
    expect(deep.body.error.details?.code).not.toBe('TOO_DEEP');
  });
});

describe('the importer reads date-times with seconds', () => {
  it.each(['۱۴۰۲/۰۱/۰۵ ۰۸:۱۵:۳۰', '1402-01-05 08:15:30'])('%s', async (date) => {
    const res = await app
      .http()
      .post('/api/import')
      .set('Authorization', token)
      .send({ files: [{ name: 'seconds.txt', content: story(7, { date }) }], dryRun: true })
      .expect(200);
    expect(res.body.documents[0]).toMatchObject({
      ok: true,
      article: { publishedOn: '2023-03-25T04:45:30.000Z' },
    });
  });
});
