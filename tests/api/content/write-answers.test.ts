import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';

/**
 * The answer to a create or update is the entry as stored: the fields computed after Strapi's write
 * (publishedOn, footer, footerLine, newsCode, slug) included, equal to a read right after.
 */
let app: TestApp;
let token: string;
let sectionId: string;
let officialId: string;
beforeAll(async () => {
  app = await bootApp();
  token = await createApiToken(app.strapi);
  const sections = await app
    .http()
    .get('/api/sections?filters[slug][$eq]=' + encodeURIComponent('دفاتر-پیشخوان'))
    .expect(200);
  sectionId = sections.body.data[0].documentId;
  officialId = (await app.http().get('/api/officials').expect(200)).body.data[0].documentId;
});
afterAll(async () => {
  await app?.close();
});

const DERIVED = ['publishedOn', 'publishedOnJalali', 'footer', 'footerLine', 'newsCode', 'slug'];
const read = async (documentId: string, status: string) =>
  (
    await app
      .http()
      .get(`/api/articles/${documentId}?status=${status}&populate=quotedOfficials`)
      .set('Authorization', token)
      .expect(200)
  ).body.data;

describe.each(['published', 'draft'])('REST, status=%s', (status) => {
  it('the 201 of a create carries every derived field as a read shows it', async () => {
    const quote = { __component: 'article.quote', text: 'نقل قولی کوتاه', official: officialId };
    const created = await app
      .http()
      .post(`/api/articles?status=${status}&populate=quotedOfficials`)
      .set('Authorization', token)
      .send({
        data: { title: `پاسخ ساخت ${status}`, lead: 'لید', reporterCode: '۲۳', body: [quote] },
      })
      .expect(201);
    const stored = await read(created.body.data.documentId, status);
    expect(stored.quotedOfficials).toEqual([expect.objectContaining({ documentId: officialId })]);
    expect(created.body.data).toEqual(stored);
    expect(stored).toMatchObject({ footer: 'انتهای پیام', footerLine: 'انتهای پیام/ ۲۳' });
    if (status === 'published') expect(stored.publishedOnJalali).not.toBeNull();
    for (const field of DERIVED) expect(created.body.data).toHaveProperty(field);
  });

  it('the 200 of an update carries the recomputed footer as a read shows it', async () => {
    const created = await app
      .http()
      .post(`/api/articles?status=${status}`)
      .set('Authorization', token)
      .send({ data: { title: `پاسخ ویرایش ${status}`, lead: 'لید' } })
      .expect(201);
    const { documentId } = created.body.data;
    await app
      .http()
      .put(`/api/sections/${sectionId}?status=published`)
      .set('Authorization', token)
      .send({ data: { footerMode: 'custom', footerText: 'پایان خبر پیشخوان' } })
      .expect(200);
    const updated = await app
      .http()
      .put(`/api/articles/${documentId}?status=${status}&populate=quotedOfficials`)
      .set('Authorization', token)
      .send({ data: { section: sectionId } })
      .expect(200);
    const stored = await read(documentId, status);
    await app
      .http()
      .put(`/api/sections/${sectionId}?status=published`)
      .set('Authorization', token)
      .send({ data: { footerMode: 'inherit', footerText: null } })
      .expect(200);
    expect(updated.body.data).toEqual(stored);
    expect(stored.footer).toBe('پایان خبر پیشخوان');
    expect(stored.publishedOn).toBe(created.body.data.publishedOn);
  });
});

it('a GraphQL create answers the stored publishedOn and footer', async () => {
  const res = await app
    .http()
    .post('/graphql')
    .set('Authorization', token)
    .send({
      query:
        'mutation { createArticle(status: PUBLISHED, data: { title: "پاسخ گراف‌کیوال", lead: "لید" }) { documentId publishedOn publishedOnJalali { date } footer footerLine newsCode } }',
    })
    .expect(200);
  const created = res.body.data.createArticle;
  const stored = await read(created.documentId, 'published');
  expect(created).toEqual({
    documentId: stored.documentId,
    publishedOn: stored.publishedOn,
    publishedOnJalali: { date: stored.publishedOnJalali.date },
    footer: 'انتهای پیام',
    footerLine: 'انتهای پیام',
    newsCode: stored.newsCode,
  });
});
