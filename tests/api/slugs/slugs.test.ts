import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { SEED_TITLE } from '../../harness/seed-article';
import { ensureTables } from '../../../src/plugins/persian-slug/server/tables';

const SEED_SLUG = 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await createApiToken(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

const createArticle = (data: Record<string, unknown>, status = 'published') =>
  app
    .http()
    .post(`/api/articles?status=${status}`)
    .set('Authorization', token)
    .send({ data: { lead: 'لید آزمایشی', ...data } });

const bySlug = (slug: string, locale = 'fa') =>
  app.http().get(`/api/articles/slug/${encodeURIComponent(slug)}?locale=${locale}`);

describe('slugs of the demo content', () => {
  it('the seed story has its readable Persian slug and a news code', async () => {
    const res = await app.http().get('/api/articles').expect(200);
    expect(res.body.data[0].slug).toBe(SEED_SLUG);
    expect(res.body.data[0].newsCode).toEqual(expect.any(Number));
  });

  it('sections and officials have slugs too', async () => {
    const sections = await app
      .http()
      .get('/api/sections?fields[0]=name&fields[1]=slug')
      .expect(200);
    expect(sections.body.data).toContainEqual(
      expect.objectContaining({ name: 'دفاتر پیشخوان', slug: 'دفاتر-پیشخوان' })
    );
    const officials = await app.http().get('/api/officials').expect(200);
    expect(officials.body.data[0].slug).toBe('اصغر-سلیمی');
    await app
      .http()
      .get(`/api/sections/slug/${encodeURIComponent('دفاتر-پیشخوان')}`)
      .expect(200);
    await app
      .http()
      .get(`/api/officials/slug/${encodeURIComponent('اصغر-سلیمی')}`)
      .expect(200);
  });
});

describe('lookup by slug', () => {
  it('finds the published entry, percent-encoded or not', async () => {
    const encoded = await bySlug(SEED_SLUG).expect(200);
    expect(encoded.body.data.title).toBe(SEED_TITLE);
    const raw = await app.http().get(`/api/articles/slug/${SEED_SLUG}`).expect(200);
    expect(raw.body.data.slug).toBe(SEED_SLUG);
  });

  it('normalises the slug asked for: Arabic ي and ك, a ZWNJ, spaces', async () => {
    const arabic = SEED_SLUG.replace(/ی/g, 'ي');
    expect((await bySlug(arabic).expect(200)).body.data.slug).toBe(SEED_SLUG);
    expect((await bySlug(SEED_TITLE).expect(200)).body.data.slug).toBe(SEED_SLUG);
  });

  it('answers 404 for an unknown slug and 400 for broken percent-encoding', async () => {
    await bySlug('خبری-که-نیست').expect(404);
    const res = await app.http().get('/api/articles/slug/%D9%BE%E0%A4%A').expect(400);
    expect(res.body.error.details.code).toBe('MALFORMED_SLUG');
    expect(res.body.error.message).toMatch(/percent-encoding/);
  });

  it('never finds a draft', async () => {
    const draft = await createArticle({ title: 'خبر فوری در دست تهیه' }, 'draft').expect(201);
    expect(draft.body.data.slug).toBe('خبر-فوری-در-دست-تهیه');
    await bySlug('خبر-فوری-در-دست-تهیه').expect(404);
  });
});

describe('uniqueness', () => {
  it('suffixes -2, -3 for the same title in one locale, never -1', async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1)
      slugs.push((await createArticle({ title: 'افزایش قیمت نان' }).expect(201)).body.data.slug);
    expect(slugs).toEqual(['افزایش-قیمت-نان', 'افزایش-قیمت-نان-2', 'افزایش-قیمت-نان-3']);
  });

  it('the same slug is free in another locale', async () => {
    const fa = await createArticle({ title: 'Tehran Times' }).expect(201);
    const en = await app
      .http()
      .put(`/api/articles/${fa.body.data.documentId}?locale=en&status=published`)
      .set('Authorization', token)
      .send({ data: { title: 'Tehran Times', lead: 'A lead' } })
      .expect(200);
    expect(fa.body.data.slug).toBe('tehran-times');
    expect(en.body.data.slug).toBe('tehran-times');
  });

  it('a slug typed by hand is normalised, and refused when another story has it', async () => {
    const mine = await createArticle({ title: 'تیتر اول', slug: 'نامك دلخواه من' }).expect(201);
    expect(mine.body.data.slug).toBe('نامک-دلخواه-من');
    const clash = await createArticle({ title: 'تیتر دوم', slug: 'نامک-دلخواه-من' }).expect(400);
    expect(clash.body.error.details.code).toBe('SLUG_TAKEN');
    expect(clash.body.error.message).toContain('نامک');
  });

  it('an emoji-only title is refused with a Persian message, and nothing is stored', async () => {
    const before = await app.strapi.db.query('api::article.article').count();
    const res = await createArticle({ title: '🔥🔥🔥' }).expect(400);
    expect(res.body.error.message).toBe('از این عنوان نامکی ساخته نمی‌شود؛ نامک را دستی بنویسید.');
    expect(res.body.error.details.code).toBe('EMPTY_SLUG');
    expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
  });
});

describe('stability and history', () => {
  it('editing the title of a published story keeps its slug', async () => {
    const created = await createArticle({ title: 'سیل در خوزستان' }).expect(201);
    const updated = await app
      .http()
      .put(`/api/articles/${created.body.data.documentId}?status=published`)
      .set('Authorization', token)
      .send({ data: { title: 'سیل در خوزستان و لرستان' } })
      .expect(200);
    expect(updated.body.data.slug).toBe('سیل-در-خوزستان');
  });

  it('a deliberate change keeps the old slug, which answers 301 to the new one', async () => {
    const created = await createArticle({ title: 'زلزله در کرمان' }).expect(201);
    const { documentId } = created.body.data;
    await app
      .http()
      .put(`/api/articles/${documentId}?status=published`)
      .set('Authorization', token)
      .send({ data: { slug: 'زلزله-۵-ریشتری-کرمان' } })
      .expect(200);

    const old = await bySlug('زلزله-در-کرمان').redirects(0).expect(301);
    expect(old.body).toEqual({ redirect: { slug: 'زلزله-5-ریشتری-کرمان', locale: 'fa' } });
    expect(old.headers.location).toBe(
      `/api/articles/slug/${encodeURIComponent('زلزله-5-ریشتری-کرمان')}?locale=fa`
    );
    const followed = await app.http().get(old.headers.location).expect(200);
    expect(followed.body.data.documentId).toBe(documentId);
  });
});

describe('a slug change takes effect when it is published', () => {
  const gql = (slug: string) =>
    app
      .http()
      .post('/graphql')
      .send({
        query:
          'query ($slug: String!) { articleBySlug(slug: $slug, locale: "fa") { slug redirected article { slug } } }',
        variables: { slug },
      })
      .expect(200);

  it('until then the live slug serves the live story and the draft slug is unknown; then the old one redirects', async () => {
    const created = await createArticle({ title: 'بارش برف در تهران' }).expect(201);
    const { documentId } = created.body.data;
    await app
      .http()
      .put(`/api/articles/${documentId}?status=draft`)
      .set('Authorization', token)
      .send({ data: { slug: 'برف-سنگین-تهران' } })
      .expect(200);

    // Read twice: the second answer comes from the response cache.
    for (const cache of ['MISS', 'HIT']) {
      const live = await bySlug('بارش-برف-در-تهران').redirects(0).expect(200);
      expect(live.body.data).toMatchObject({ documentId, slug: 'بارش-برف-در-تهران' });
      expect(live.headers['x-cache']).toBe(cache);
      const draft = await bySlug('برف-سنگین-تهران').redirects(0).expect(404);
      expect(JSON.stringify(draft.body)).not.toContain('بارش');
    }
    expect((await gql('بارش-برف-در-تهران')).body.data.articleBySlug).toEqual({
      slug: 'بارش-برف-در-تهران',
      redirected: false,
      article: { slug: 'بارش-برف-در-تهران' },
    });
    expect((await gql('برف-سنگین-تهران')).body.data.articleBySlug).toBeNull();

    await app
      .http()
      .put(`/api/articles/${documentId}?status=published`)
      .set('Authorization', token)
      .send({ data: {} })
      .expect(200);
    const old = await bySlug('بارش-برف-در-تهران').redirects(0).expect(301);
    expect(old.body).toEqual({ redirect: { slug: 'برف-سنگین-تهران', locale: 'fa' } });
    expect((await bySlug('برف-سنگین-تهران').expect(200)).body.data.documentId).toBe(documentId);
    expect((await gql('بارش-برف-در-تهران')).body.data.articleBySlug).toEqual({
      slug: 'برف-سنگین-تهران',
      redirected: true,
      article: { slug: 'برف-سنگین-تهران' },
    });
  });

  it('a slug only a discarded draft had is never known to readers', async () => {
    const created = await createArticle({ title: 'نرخ تورم ماهانه' }).expect(201);
    const { documentId } = created.body.data;
    await app
      .http()
      .put(`/api/articles/${documentId}?status=draft`)
      .set('Authorization', token)
      .send({ data: { slug: 'تورم-نقطه-به-نقطه' } })
      .expect(200);
    await app.strapi.documents('api::article.article').discardDraft({ documentId, locale: 'fa' });
    await bySlug('تورم-نقطه-به-نقطه').redirects(0).expect(404);
    // A later save without a slug keeps the live one, not the discarded draft's.
    const saved = await app
      .http()
      .put(`/api/articles/${documentId}?status=published`)
      .set('Authorization', token)
      .send({ data: { kicker: 'اقتصاد' } })
      .expect(200);
    expect(saved.body.data.slug).toBe('نرخ-تورم-ماهانه');
    await bySlug('نرخ-تورم-ماهانه').redirects(0).expect(200);
  });
});

describe('slug lookups in another locale', () => {
  it('the slug of an English draft of a story published only in Persian is unknown', async () => {
    const fa = await createArticle({ title: 'نشست خبری سخنگو' }).expect(201);
    const en = await app
      .http()
      .put(`/api/articles/${fa.body.data.documentId}?locale=en&status=draft`)
      .set('Authorization', token)
      .send({ data: { title: 'Spokesman press briefing', lead: 'A lead' } })
      .expect(200);
    expect(en.body.data.slug).toBe('spokesman-press-briefing');
    await bySlug('spokesman-press-briefing', 'en').expect(404);
    const gql = await app
      .http()
      .post('/graphql')
      .send({
        query: '{ articleBySlug(slug: "spokesman-press-briefing", locale: "en") { slug } }',
      })
      .expect(200);
    expect(gql.body.data.articleBySlug).toBeNull();
  });

  it('a Persian slug asked for in English serves the Persian story and says so, for every slugged type', async () => {
    for (const [type, slug] of [
      ['articles', SEED_SLUG],
      ['sections', 'دفاتر-پیشخوان'],
      ['officials', 'اصغر-سلیمی'],
    ]) {
      const res = await app
        .http()
        .get(`/api/${type}/slug/${encodeURIComponent(slug)}?locale=en`)
        .expect(200);
      expect(res.body.data).toMatchObject({ slug, locale: 'fa' });
      expect(res.body.meta.localeFallback).toEqual({ requested: 'en', served: 'fa' });
      expect(res.headers['content-language']).toBe('fa');
    }
    const gql = await app
      .http()
      .post('/graphql')
      .send({
        query: `{ articleBySlug(slug: "${SEED_SLUG}", locale: "en") { slug redirected article { title locale } } }`,
      })
      .expect(200);
    expect(gql.body.data.articleBySlug).toEqual({
      slug: SEED_SLUG,
      redirected: false,
      article: { title: SEED_TITLE, locale: 'fa' },
    });
  });

  it('an English slug serves the English version, and the live Persian slug asked for in English the Persian one', async () => {
    const fa = await createArticle({ title: 'Tehran Marathon' }).expect(201);
    const { documentId } = fa.body.data;
    await app
      .http()
      .put(`/api/articles/${documentId}?locale=en&status=published`)
      .set('Authorization', token)
      .send({ data: { title: 'Tehran Marathon', lead: 'A lead', slug: 'tehran-marathon-en' } })
      .expect(200);
    const en = await bySlug('tehran-marathon-en', 'en').expect(200);
    expect(en.body.data).toMatchObject({ documentId, locale: 'en' });
    expect(en.body.meta.localeFallback).toBeUndefined();
    // Not the English version's slug, but the Persian version's live one.
    const fallback = await bySlug('tehran-marathon', 'en').expect(200);
    expect(fallback.body.data).toMatchObject({ documentId, locale: 'fa' });
  });
});

describe('news codes', () => {
  it('finds the article by its code, with its current slug', async () => {
    const created = await createArticle({ title: 'کد خبر' }).expect(201);
    const code = created.body.data.newsCode;
    expect(code).toEqual(expect.any(Number));
    const res = await app.http().get(`/api/articles/code/${code}`).expect(200);
    expect(res.body.data).toMatchObject({
      documentId: created.body.data.documentId,
      slug: 'کد-خبر',
      newsCode: code,
    });
  });

  it('codes are unique, and a code given in the request is ignored', async () => {
    const a = await createArticle({ title: 'خبر الف', newsCode: 1 }).expect(201);
    const b = await createArticle({ title: 'خبر ب', newsCode: 1 }).expect(201);
    expect(a.body.data.newsCode).not.toBe(b.body.data.newsCode);
  });

  it('answers 400 for a malformed code and 404 for an unknown one', async () => {
    await app.http().get('/api/articles/code/abc').expect(400);
    await app.http().get('/api/articles/code/99999999').expect(404);
  });
});

describe('GraphQL', () => {
  it('articleBySlug returns the article, and the current slug for an old one', async () => {
    const query = `query ($slug: String!) { articleBySlug(slug: $slug, locale: "fa") { slug redirected article { title newsCode } } }`;
    const found = await app
      .http()
      .post('/graphql')
      .send({ query, variables: { slug: SEED_SLUG } })
      .expect(200);
    expect(found.body.data.articleBySlug).toMatchObject({
      slug: SEED_SLUG,
      redirected: false,
      article: { title: SEED_TITLE },
    });

    const moved = await app
      .http()
      .post('/graphql')
      .send({ query, variables: { slug: 'زلزله-در-کرمان' } })
      .expect(200);
    expect(moved.body.data.articleBySlug).toMatchObject({
      slug: 'زلزله-5-ریشتری-کرمان',
      redirected: true,
    });

    const missing = await app
      .http()
      .post('/graphql')
      .send({ query, variables: { slug: 'نیست' } })
      .expect(200);
    expect(missing.body.data.articleBySlug).toBeNull();
  });

  it('sectionBySlug and articleByNewsCode', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .send({
        query: `{ sectionBySlug(slug: "دفاتر پيشخوان") { slug section { name } } }`,
      })
      .expect(200);
    expect(res.body.data.sectionBySlug).toEqual({
      slug: 'دفاتر-پیشخوان',
      section: { name: 'دفاتر پیشخوان' },
    });
    const list = await app
      .http()
      .get('/api/articles?filters[slug][$eq]=' + encodeURIComponent(SEED_SLUG))
      .expect(200);
    const code = list.body.data[0].newsCode;
    const byCode = await app
      .http()
      .post('/graphql')
      .send({ query: `{ articleByNewsCode(newsCode: ${code}) { title } }` })
      .expect(200);
    expect(byCode.body.data.articleByNewsCode.title).toBe(SEED_TITLE);
  });
});

describe('after data arrived without our tables (strapi import)', () => {
  it('stored slugs and news codes are registered again at start, so none is handed out twice', async () => {
    const knex = app.strapi.db.connection;
    const before = await createArticle({ title: 'واردشده از نسخه‌ی پشتیبان' }).expect(201);
    await knex('persian_slugs').delete();
    await knex('persian_slug_news_codes').delete();
    await app.strapi.plugin('persian-slug').service('maintenance').reconcile();

    const again = await createArticle({ title: 'واردشده از نسخه‌ی پشتیبان' }).expect(201);
    expect(again.body.data.slug).toBe('واردشده-از-نسخه-ی-پشتیبان-2');
    expect(again.body.data.newsCode).toBeGreaterThan(before.body.data.newsCode);
    await bySlug(SEED_SLUG).expect(200);
    await app.http().get(`/api/articles/code/${before.body.data.newsCode}`).expect(200);
  });
});

describe('a registry from before published slugs were told apart', () => {
  it('keeps its redirects and learns which slugs are live at start', async () => {
    const created = await createArticle({ title: 'ثبت‌نام کنکور' }).expect(201);
    const { documentId } = created.body.data;
    await app
      .http()
      .put(`/api/articles/${documentId}?status=published`)
      .set('Authorization', token)
      .send({ data: { slug: 'ثبت-نام-کنکور-۱۴۰۵' } })
      .expect(200);
    const knex = app.strapi.db.connection;
    await knex.schema.alterTable('persian_slugs', (table) => {
      table.dropColumn('was_published');
    });

    await ensureTables(app.strapi);
    await app.strapi.plugin('persian-slug').service('maintenance').reconcile();
    expect((await bySlug('ثبت-نام-کنکور').redirects(0).expect(301)).body.redirect.slug).toBe(
      'ثبت-نام-کنکور-1405'
    );
    await bySlug('ثبت-نام-کنکور-1405').expect(200);
    await bySlug(SEED_SLUG).expect(200);
  });
});

describe('concurrency', () => {
  it('50 simultaneous creations of one title get 50 distinct slugs and no error', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => createArticle({ title: 'انفجار در بندر شهید رجایی' }))
    );
    expect(responses.map((res) => res.status)).toEqual(Array(50).fill(201));
    const slugs = responses.map((res) => res.body.data.slug);
    expect(new Set(slugs).size).toBe(50);
    expect(slugs).toContain('انفجار-در-بندر-شهید-رجایی');
    expect(slugs).toContain('انفجار-در-بندر-شهید-رجایی-50');
    expect(slugs).not.toContain('انفجار-در-بندر-شهید-رجایی-1');
    const codes = responses.map((res) => res.body.data.newsCode);
    expect(new Set(codes).size).toBe(50);
  });
});
