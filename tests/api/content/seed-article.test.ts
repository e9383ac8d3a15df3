import { bootApp, TestApp } from '../../harness/strapi';
import {
  SEED_OFFICIAL,
  SEED_PUBLISHED_ON,
  SEED_ROLE,
  SEED_TITLE,
  STORY_POPULATE,
  seedArticle,
} from '../../harness/seed-article';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

type Block = { __component: string; text: string; role?: string; official?: { fullName: string } };

describe('the seed story over REST', () => {
  it('is listed for the fa locale with its lead, parts, section and quoted official', async () => {
    const res = await app.http().get(`/api/articles?locale=fa&${STORY_POPULATE}`).expect(200);
    expect(res.body.meta.pagination.total).toBe(1);
    const [article] = res.body.data;
    expect(article).toMatchObject({
      title: SEED_TITLE,
      lead: seedArticle.lead,
      author: 'شریف زاده',
      source: 'پایگاه خبری پیشخوان دفاتر ارتباطات و فناوری اطلاعات',
      sourceUrl: 'http://IR.ICTB.WWW',
      publishedOn: SEED_PUBLISHED_ON,
      locale: 'fa',
      section: { name: 'دفاتر پیشخوان' },
    });
    expect(article.quotedOfficials).toEqual([
      expect.objectContaining({ fullName: SEED_OFFICIAL, role: SEED_ROLE }),
    ]);

    const body: Block[] = article.body;
    expect(body.map((block) => block.__component.replace('article.', ''))).toEqual(
      seedArticle.body.map((block) => block.type)
    );
    expect(
      body.filter((block) => block.__component === 'article.subheading').map((block) => block.text)
    ).toEqual([
      'حمایت نمایندگان مجلس از دفاتر پیشخوان',
      'مجلس تحقق دولت الکترونیکی را در اولویت قرار داده است',
      'هنوز بسیاری از سازمان ها از مصوبه قانونی دفاتر پیشخوان تمکین نکرده اند',
      'ضرورت توجه دولت به توسعه دفاتر پیشخوان',
    ]);
    const quotes = body.filter((block) => block.__component === 'article.quote');
    expect(quotes).toHaveLength(3);
    for (const quote of quotes) {
      expect(quote.official?.fullName).toBe(SEED_OFFICIAL);
      expect(quote.role).toBe(SEED_ROLE);
    }
    expect(body.map((block) => block.text).join('\n')).not.toContain('انتهای پیام');
  });

  it('is served by findOne, and the default locale is Persian', async () => {
    const list = await app.http().get('/api/articles').expect(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].locale).toBe('fa');
    const { documentId } = list.body.data[0];
    const one = await app
      .http()
      .get(`/api/articles/${documentId}?populate[section][populate]=parent`)
      .expect(200);
    expect(one.body.data.title).toBe(SEED_TITLE);
    expect(one.body.data.section.parent.name).toBe('ارتباطات و فناوری اطلاعات');
  });

  it('shows the official with the articles quoting them', async () => {
    const res = await app.http().get('/api/officials?populate=articles').expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        fullName: SEED_OFFICIAL,
        aliases: ['سلیمی'],
        articles: [expect.objectContaining({ title: SEED_TITLE })],
      }),
    ]);
  });

  it('lists the desks with their parents and English translations', async () => {
    const fa = await app.http().get('/api/sections?populate=parent&sort=id').expect(200);
    expect(fa.body.data.map((section: { name: string }) => section.name)).toEqual(
      expect.arrayContaining([
        'سیاسی',
        'مجلس',
        'اقتصادی',
        'ارتباطات و فناوری اطلاعات',
        'دفاتر پیشخوان',
      ])
    );
    const en = await app.http().get('/api/sections?locale=en').expect(200);
    expect(en.body.data.map((section: { name: string }) => section.name)).toContain('Politics');
  });
});

describe('the seed story over GraphQL', () => {
  it('returns the same article with its section, parts and quoted official', async () => {
    const query = `query {
      articles(locale: "fa") {
        documentId title lead author source sourceUrl publishedOn locale
        section { name parent { name } }
        quotedOfficials { fullName role }
        body {
          __typename
          ... on ComponentArticleParagraph { text }
          ... on ComponentArticleSubheading { text }
          ... on ComponentArticleQuote { text role official { fullName } }
        }
      }
    }`;
    const res = await app.http().post('/graphql').send({ query }).expect(200);
    expect(res.body.errors).toBeUndefined();
    const [article] = res.body.data.articles;
    expect(article).toMatchObject({
      title: SEED_TITLE,
      lead: seedArticle.lead,
      author: 'شریف زاده',
      publishedOn: SEED_PUBLISHED_ON,
      section: { name: 'دفاتر پیشخوان', parent: { name: 'ارتباطات و فناوری اطلاعات' } },
      quotedOfficials: [{ fullName: SEED_OFFICIAL, role: SEED_ROLE }],
    });
    const kinds = article.body.map((block: { __typename: string }) => block.__typename);
    expect(kinds.filter((kind: string) => kind === 'ComponentArticleSubheading')).toHaveLength(4);
    expect(
      article.body.find(
        (block: { __typename: string }) => block.__typename === 'ComponentArticleQuote'
      ).official
    ).toEqual({ fullName: SEED_OFFICIAL });
  });
});

describe('demo content', () => {
  it('is created once: a second bootstrap adds nothing', async () => {
    const { seedDemoContent } = require('../../../dist/src/demo/seed-demo');
    expect(await seedDemoContent(app.strapi)).toBe(false);
    expect(
      await app.strapi.db.query('api::article.article').count({ where: { locale: 'fa' } })
    ).toBe(2);
  });
});
