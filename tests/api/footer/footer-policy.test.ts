import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';

let app: TestApp;
let token: string;
const sections: Record<string, string> = {};

beforeAll(async () => {
  app = await bootApp();
  token = await createApiToken(app.strapi);
  const res = await app
    .http()
    .get('/api/sections?fields[0]=name&pagination[pageSize]=100')
    .expect(200);
  for (const section of res.body.data) sections[section.name] = section.documentId;
});
afterAll(async () => {
  await app?.close();
});

const paragraph = (text: string) => ({ __component: 'article.paragraph', text });
const STORY = 'نماینده‌ی مردم تهران گفت: بودجه‌ی سال آینده باید شفاف باشد.';

const createArticle = (data: Record<string, unknown>, status = 'published') =>
  app
    .http()
    .post(`/api/articles?status=${status}&populate=body`)
    .set('Authorization', token)
    .send({ data: { title: `خبر ${Math.random()}`, lead: 'لید خبر', ...data } });

const setPolicy = (section: string, footerMode: string, footerText: string | null = null) =>
  app
    .http()
    .put(`/api/sections/${sections[section]}?status=published`)
    .set('Authorization', token)
    .send({ data: { footerMode, footerText } });

const read = async (documentId: string) =>
  (await app.http().get(`/api/articles/${documentId}?populate=body`).expect(200)).body.data;

describe('the seed story', () => {
  it('ends in exactly one standard footer, and its body holds none', async () => {
    const res = await app.http().get('/api/articles?populate=body').expect(200);
    const [seed] = res.body.data;
    expect(seed).toMatchObject({ footer: 'انتهای پیام', footerLine: 'انتهای پیام' });
    expect(JSON.stringify(seed.body)).not.toMatch(/انتهای پیام|---/);
    expect(seed.footerNotes).toBeUndefined();
  });

  it('GraphQL serves footer and footerLine', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .send({ query: '{ articles { footer footerLine } }' })
      .expect(200);
    expect(res.body.data.articles).toEqual([{ footer: 'انتهای پیام', footerLine: 'انتهای پیام' }]);
  });
});

describe('typed footers on save', () => {
  it('removes a footer with a reporter code and keeps the code', async () => {
    const created = await createArticle({
      section: sections['اقتصادی'],
      body: [paragraph(STORY), paragraph('---'), paragraph('انتهاي پيام/ ۲۳')],
    }).expect(201);
    const article = await read(created.body.data.documentId);
    expect(article.body.map((block: { text: string }) => block.text)).toEqual([STORY]);
    expect(article).toMatchObject({
      reporterCode: '23',
      footer: 'انتهای پیام',
      footerLine: 'انتهای پیام/ ۲۳',
    });
  });

  it('removes a footer at the end of the last paragraph and nothing else', async () => {
    const created = await createArticle({ body: [paragraph(`${STORY} **انتهای پیام**`)] }).expect(
      201
    );
    expect((await read(created.body.data.documentId)).body[0].text).toBe(STORY);
  });

  it('keeps text that merely mentions the words', async () => {
    const mention = 'او در انتهای پیام خود بر همکاری تاکید کرد.';
    const created = await createArticle({ body: [paragraph(STORY), paragraph(mention)] }).expect(
      201
    );
    const article = await read(created.body.data.documentId);
    expect(article.body.map((block: { text: string }) => block.text)).toEqual([STORY, mention]);
  });

  it('an editor-given reporter code wins over one found in the footer', async () => {
    const created = await createArticle({
      reporterCode: '7',
      body: [paragraph(STORY), paragraph('انتهای پیام/ ۲۳')],
    }).expect(201);
    expect(await read(created.body.data.documentId)).toMatchObject({
      reporterCode: '7',
      footerLine: 'انتهای پیام/ ۷',
    });
  });
});

describe('two stories merged', () => {
  const merged = [
    paragraph(STORY),
    paragraph('انتهای پیام'),
    paragraph('به گزارش ایرنا، خبر دوم اینجا شروع می‌شود.'),
  ];

  it('publishing is refused with a Persian message naming where the marker is', async () => {
    const before = await app.strapi.db.query('api::article.article').count();
    const res = await createArticle({ body: merged }).expect(400);
    expect(res.body.error.message).toContain('بند ۲');
    expect(res.body.error.details.code).toBe('FOOTER_IN_MIDDLE');
    expect(res.body.error.details.message).toMatch(/paragraph|block/i);
    expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
  });

  it('a draft is saved, with the warning kept for the admin, and cannot be published until fixed', async () => {
    const draft = await createArticle({ body: merged }, 'draft').expect(201);
    const { documentId } = draft.body.data;
    const row = await app.strapi.db
      .query('api::article.article')
      .findOne({ where: { documentId } });
    expect(row.footerNotes.midStory[0].fa).toContain('بند ۲');
    await expect(
      app.strapi.documents('api::article.article').publish({ documentId, locale: 'fa' })
    ).rejects.toThrow(/بند ۲/);
    await app.strapi
      .documents('api::article.article')
      .update({ documentId, locale: 'fa', data: { body: [paragraph(STORY)] } as never });
    await app.strapi.documents('api::article.article').publish({ documentId, locale: 'fa' });
    expect((await read(documentId)).footer).toBe('انتهای پیام');
  });
});

describe('section policies', () => {
  it('custom, inherited by a child, none, and back to inherit: stored articles follow', async () => {
    const inParliament = await createArticle({ section: sections['مجلس'] }).expect(201);
    const inCounters = await createArticle({
      section: sections['دفاتر پیشخوان'],
      reporterCode: '202',
    }).expect(201);

    await setPolicy('سیاسی', 'custom', 'پایان خبر').expect(200);
    expect(await read(inParliament.body.data.documentId)).toMatchObject({
      footer: 'پایان خبر',
      footerLine: 'پایان خبر',
    });

    await setPolicy('ارتباطات و فناوری اطلاعات', 'none').expect(200);
    expect(await read(inCounters.body.data.documentId)).toMatchObject({
      footer: null,
      footerLine: null,
    });

    await setPolicy('دفاتر پیشخوان', 'standard').expect(200);
    expect(await read(inCounters.body.data.documentId)).toMatchObject({
      footer: 'انتهای پیام',
      footerLine: 'انتهای پیام/ ۲۰۲',
    });

    await setPolicy('سیاسی', 'inherit').expect(200);
    expect((await read(inParliament.body.data.documentId)).footer).toBe('انتهای پیام');
  });

  it('is consistent in populated relations and the archive', async () => {
    await setPolicy('ارتباطات و فناوری اطلاعات', 'custom', 'پایان').expect(200);
    await setPolicy('دفاتر پیشخوان', 'inherit').expect(200);
    const sectionsRes = await app
      .http()
      .get(`/api/sections/${sections['دفاتر پیشخوان']}?populate=articles`)
      .expect(200);
    const seed = sectionsRes.body.data.articles.find(
      (article: { author: string }) => article.author === 'شریف زاده'
    );
    expect(seed.footer).toBe('پایان');
    const archive = await app.http().get('/api/articles/archive/1396/8/9').expect(200);
    expect(archive.body.data[0].footer).toBe('پایان');
  });

  it('custom without text is refused in Persian', async () => {
    const res = await setPolicy('اقتصادی', 'custom', '  ').expect(400);
    expect(res.body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(res.body.error.details.message).toMatch(/text/i);
  });
});
