import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { SEED_OFFICIAL, SEED_ROLE, SEED_TITLE } from '../../harness/seed-article';
import { ARTICLE, SEED_TEXT, cp1256, draftArticles, lineOf, story } from './helpers';

let app: TestApp;
let fullAccess: string;
let readOnly: string;

/** A custom API token holding exactly the given actions (Settings → API Tokens → Custom). */
const customToken = async (permissions: string[]): Promise<string> => {
  const token = await app.strapi.service('admin::api-token').create({
    name: `custom-${Math.random().toString(36).slice(2)}`,
    type: 'custom',
    lifespan: null,
    permissions,
  });
  return `Bearer ${token.accessKey}`;
};

beforeAll(async () => {
  app = await bootApp({
    env: { IMPORT_API_MAX_FILES: '5', IMPORT_API_MAX_TOTAL_BYTES: String(200 * 1024) },
  });
  fullAccess = await createApiToken(app.strapi, 'full-access');
  readOnly = await createApiToken(app.strapi, 'read-only');
});
afterAll(async () => {
  delete process.env.IMPORT_API_MAX_FILES;
  delete process.env.IMPORT_API_MAX_TOTAL_BYTES;
  await app?.close();
});

const post = (token?: string) => {
  const request = app.http().post('/api/import');
  return token ? request.set('Authorization', token) : request;
};

describe('who may import', () => {
  const body = { files: [{ name: 'a.txt', content: story(1) }] };

  it('nobody without a token', async () => {
    const res = await post().send(body);
    expect(res.status).toBe(403);
    expect(await draftArticles(app.strapi, { title: 'تیتر خبر آزمایشی شماره 1' })).toEqual([]);
  });

  it('not a read-only token, nor a custom token without the import permission', async () => {
    expect((await post(readOnly).send(body)).status).toBe(403);
    expect(
      (
        await post(
          await customToken(['api::article.article.find', 'api::article.article.create'])
        ).send(body)
      ).status
    ).toBe(403);
    expect(await draftArticles(app.strapi, { title: 'تیتر خبر آزمایشی شماره 1' })).toEqual([]);
  });

  it('never the public role nor a logged-in reader, even if an administrator grants their roles the import action', async () => {
    const user = await app
      .http()
      .post('/api/auth/local/register')
      .send({
        username: 'importer-reader',
        email: 'importer-reader@example.com',
        password: 'Reader-Pass-1234',
      })
      .expect(200);
    const endUser = `Bearer ${user.body.jwt}`;
    expect((await post(endUser).send(body)).status).toBe(403);
    const roles = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findMany({ where: { type: { $in: ['public', 'authenticated'] } } });
    expect(roles).toHaveLength(2);
    const granted = [];
    for (const role of roles) {
      granted.push(
        await app.strapi.db
          .query('plugin::users-permissions.permission')
          .create({ data: { action: 'api::import.import.create', role: role.id } })
      );
    }
    try {
      for (const who of [undefined, endUser]) {
        const res = await post(who).send(body);
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('PolicyError');
      }
      expect(await draftArticles(app.strapi, { title: 'تیتر خبر آزمایشی شماره 1' })).toEqual([]);
    } finally {
      for (const permission of granted)
        await app.strapi.db
          .query('plugin::users-permissions.permission')
          .delete({ where: { id: permission.id } });
    }
  });

  it('a custom token holding only api::import.import.create imports', async () => {
    const token = await customToken(['api::import.import.create']);
    const res = await post(token)
      .send({ ...body, files: [...body.files, { name: 'seed.txt', content: SEED_TEXT }] })
      .expect(200);
    expect(res.body.summary).toEqual({ imported: 1, updated: 0, skipped: 1, failed: 0 });
    expect(res.body.documents).toEqual([
      expect.objectContaining({
        file: 'a.txt',
        ok: true,
        action: 'created',
        documentId: expect.any(String),
        title: 'تیتر خبر آزمایشی شماره 1',
      }),
      expect.objectContaining({ file: 'seed.txt', ok: true, action: 'skipped', title: SEED_TITLE }),
    ]);
    const again = await post(token).send(body).expect(200);
    expect(again.body.documents[0]).toMatchObject({
      action: 'skipped',
      documentId: res.body.documents[0].documentId,
    });
    expect(await draftArticles(app.strapi, { title: 'تیتر خبر آزمایشی شماره 1' })).toHaveLength(1);
  });
});

describe('what the import answers', () => {
  it('a dry run returns the JSON of the command line, and writes nothing', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    const res = await post(fullAccess)
      .send({
        dryRun: true,
        files: [
          { name: 'seed-1256.txt', contentBase64: cp1256(SEED_TEXT).toString('base64') },
          { name: 'empty.txt', content: '' },
        ],
      })
      .expect(200);
    expect(Object.keys(res.body)).toEqual(['documents']);
    const [seed, empty] = res.body.documents;
    expect(seed).toMatchObject({
      file: 'seed-1256.txt',
      ok: true,
      article: {
        title: SEED_TITLE,
        author: 'شریف زاده',
        publishedOn: '2017-10-31T15:53:00.000Z',
        footer: 'انتهای پیام',
        reporterCode: null,
      },
    });
    // The fields; the jalali-date plugin's REST middleware adds `publishedOnJalali` to /api/ answers.
    const keys = [
      'title',
      'kicker',
      'lead',
      'source',
      'sourceUrl',
      'author',
      'publishedOn',
      'body',
      'footer',
      'reporterCode',
      'officials',
    ];
    expect(Object.keys(seed.article)).toEqual(expect.arrayContaining(keys));
    expect(Object.keys(seed.article).filter((key) => !keys.includes(key))).toEqual(
      Object.keys(seed.article).includes('publishedOnJalali') ? ['publishedOnJalali'] : []
    );
    expect(
      seed.article.body.filter((block: { type: string }) => block.type === 'subheading')
    ).toHaveLength(4);
    expect(seed.article.body[0]).toEqual({
      type: 'quote',
      text: expect.any(String),
      official: SEED_OFFICIAL,
      role: SEED_ROLE,
    });
    expect(seed.article.officials).toEqual([
      { fullName: SEED_OFFICIAL, role: SEED_ROLE, matched: true },
    ]);
    expect(seed.warnings[0]).toMatch(/Windows-1256/);
    expect(empty).toEqual({
      file: 'empty.txt',
      ok: false,
      error: {
        code: 'EMPTY_FILE',
        message: expect.any(String),
        messageFa: expect.any(String),
        line: null,
      },
    });
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });

  it('accepts multipart uploads, with the options as fields', async () => {
    const res = await post(fullAccess)
      .field('dryRun', 'true')
      .field('locale', 'fa')
      .attach('files', Buffer.from(story(2), 'utf8'), 'two.txt')
      .attach('files', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'scan.pdf')
      .expect(200);
    // Multipart documents come back in file-name order, whatever order the parts finished in.
    expect(res.body.documents).toEqual([
      {
        file: 'scan.pdf',
        ok: false,
        error: expect.objectContaining({ code: 'BINARY_FILE', line: null }),
      },
      expect.objectContaining({
        file: 'two.txt',
        ok: true,
        article: expect.objectContaining({ title: 'تیتر خبر آزمایشی شماره 2' }),
      }),
    ]);
    const real = await post(fullAccess)
      .field('publish', 'true')
      .attach('files', Buffer.from(story(3), 'utf8'), 'three.txt')
      .expect(200);
    expect(real.body.documents[0]).toMatchObject({ ok: true, action: 'created' });
    await app.http().get(`/api/articles/${real.body.documents[0].documentId}`).expect(200);
  });

  it('section, publish and per-document errors with lines', async () => {
    const bad = SEED_TEXT.replace('سه شنبه ۰۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ -', '۱۴۰۲/۱۲/۳۰');
    const res = await post(fullAccess)
      .send({
        section: 'دفاتر-پیشخوان',
        publish: true,
        files: [
          { name: 'bad.txt', content: bad },
          { name: 'four.txt', content: story(4) },
        ],
      })
      .expect(200);
    expect(res.body.documents[0]).toMatchObject({
      file: 'bad.txt',
      ok: false,
      error: { code: 'BAD_DATE', line: lineOf(SEED_TEXT, 'سه شنبه') },
    });
    expect(res.body.summary).toEqual({ imported: 1, updated: 0, skipped: 0, failed: 1 });
    const published = await app
      .http()
      .get(`/api/articles/${res.body.documents[1].documentId}?populate=section`)
      .expect(200);
    expect(published.body.data.section.slug).toBe('دفاتر-پیشخوان');
  });
});

describe('people introduced away from the speech verb, then called by their surname', () => {
  const paragraphs = [
    'مریم حسینی، رئیس اداره استاندارد استان اصفهان، صبح امروز در نشست شورای اداری استان گفت: ۱۲ واحد تولیدی پلمب شد.',
    'حسینی همچنین تاکید کرد: بازرسی‌ها تا پایان سال ادامه دارد.',
    'کیوان صدری روز دوشنبه در گفت و گو با خبرنگار ایرنا افزود: قرارداد هفته آینده امضا می‌شود.',
  ];

  it('are candidates in a dry run, the surname an alias of the same person', async () => {
    const res = await post(fullAccess)
      .send({ dryRun: true, files: [{ name: 'people.txt', content: story(40, { paragraphs }) }] })
      .expect(200);
    expect(res.body.documents[0].article.officials).toEqual([
      {
        fullName: 'مریم حسینی',
        role: 'رئیس اداره استاندارد استان اصفهان',
        matched: false,
        aliases: ['حسینی'],
      },
      { fullName: 'کیوان صدری', role: null, matched: false },
    ]);
  });

  it('with createOfficials the official keeps the alias and both of her quotes are linked, and his', async () => {
    const res = await post(fullAccess)
      .send({
        createOfficials: true,
        files: [{ name: 'people.txt', content: story(41, { paragraphs }) }],
      })
      .expect(200);
    const official = await app.strapi.db
      .query('api::official.official')
      .findOne({ where: { fullName: 'مریم حسینی', locale: 'fa' } });
    expect(official.aliases).toEqual(['حسینی']);
    const read = await app
      .http()
      .get(
        `/api/articles/${res.body.documents[0].documentId}?status=draft&populate[body][on][article.quote][populate]=official`
      )
      .set('Authorization', fullAccess)
      .expect(200);
    const quotes = read.body.data.body.filter(
      (block: { __component: string }) => block.__component === 'article.quote'
    );
    expect(
      quotes.map((quote: { official: { fullName: string } }) => quote.official.fullName)
    ).toEqual(['مریم حسینی', 'مریم حسینی', 'کیوان صدری']);
  });
});

describe('bad requests and limits', () => {
  it.each([
    ['no files', {}],
    ['an empty list', { files: [] }],
    ['both content kinds', { files: [{ name: 'x.txt', content: 'a', contentBase64: 'YQ==' }] }],
    ['no content', { files: [{ name: 'x.txt' }] }],
    ['an unknown field', { files: [{ name: 'x.txt', content: 'a' }], overwrite: true }],
    ['a bad flag', { files: [{ name: 'x.txt', content: 'a' }], publish: 'perhaps' }],
  ])('%s → 400', async (_name, body) => {
    const res = await post(fullAccess).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toEqual(expect.any(String));
  });

  it('an unknown section or locale → 400 naming it', async () => {
    const section = await post(fullAccess)
      .send({ section: 'nowhere', files: [{ name: 'x.txt', content: story(5) }] })
      .expect(400);
    expect(section.body.error).toMatchObject({
      message: expect.stringContaining('nowhere'),
      details: { code: 'UNKNOWN_SECTION' },
    });
    const locale = await post(fullAccess)
      .send({ locale: 'de', files: [{ name: 'x.txt', content: story(5) }] })
      .expect(400);
    expect(locale.body.error.details.code).toBe('UNKNOWN_LOCALE');
  });

  it('more files than the limit → 400; more bytes than the limit → 413; nothing imported', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    const many = Array.from({ length: 6 }, (_, i) => ({
      name: `${i}.txt`,
      content: story(10 + i),
    }));
    const res = await post(fullAccess).send({ files: many }).expect(400);
    expect(res.body.error.details).toMatchObject({ code: 'TOO_MANY_FILES', maxFiles: 5 });
    const big = 'الف '.repeat(15_000); // about 105 KB each
    const large = await post(fullAccess).send({
      files: [
        { name: 'a.txt', content: big },
        { name: 'b.txt', content: big },
      ],
    });
    expect(large.status).toBe(413);
    expect(large.body.error.details).toMatchObject({ code: 'REQUEST_TOO_LARGE' });
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });
});
