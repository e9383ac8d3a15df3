import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { story } from '../importer/helpers';

/** The ceilings of docs/production.md: refused before anything is written, with the limit and the figure. */
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp({ seed: false });
  token = await createApiToken(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

const ARTICLE = 'api::article.article';
const count = () => app.strapi.db.query(ARTICLE).count();
const paragraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ __component: 'article.paragraph', text: `بند ${i}` }));

describe('blocks per body (BODY_MAX_BLOCKS, 5,000 by default)', () => {
  it('REST: a body of 5,001 blocks is a 400 naming the limit, in English and Persian, and nothing is stored', async () => {
    const res = await app
      .http()
      .post('/api/articles')
      .set('Authorization', token)
      .send({ data: { title: 'خبر بسیار بلند', lead: 'لید', body: paragraphs(5001) } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'The body has 5001 blocks, more than the limit of 5000 (BODY_MAX_BLOCKS)'
    );
    expect(res.body.error.details).toMatchObject({
      code: 'BODY_TOO_LONG',
      limit: 'BODY_MAX_BLOCKS',
      max: 5000,
      actual: 5001,
    });
    expect(res.body.error.details.messageFa).toBe(
      'متن خبر ۵۰۰۱ بند دارد؛ بیشینه‌ی مجاز ۵۰۰۰ بند است.'
    );
    expect(await count()).toBe(0);
  });

  it('an update is held to the same ceiling', async () => {
    const created = await app
      .http()
      .post('/api/articles')
      .set('Authorization', token)
      .send({ data: { title: 'خبر کوتاه', lead: 'لید', body: paragraphs(3) } })
      .expect(201);
    const res = await app
      .http()
      .put(`/api/articles/${created.body.data.documentId}`)
      .set('Authorization', token)
      .send({ data: { body: paragraphs(5001) } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.limit).toBe('BODY_MAX_BLOCKS');
    const stored = await app.strapi
      .documents(ARTICLE)
      .findOne({ documentId: created.body.data.documentId, populate: { body: true } } as never);
    expect((stored as unknown as { body: unknown[] }).body).toHaveLength(3);
  });

  it('GraphQL refuses it too', async () => {
    const before = await count();
    const res = await app
      .http()
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query: 'mutation($data: ArticleInput!) { createArticle(data: $data) { documentId } }',
        variables: {
          data: {
            title: 'خبر گراف',
            lead: 'لید',
            body: paragraphs(5001).map(({ text }) => ({
              __typename: 'ComponentArticleParagraph',
              text,
            })),
          },
        },
      });
    expect(JSON.stringify(res.body.errors)).toMatch(
      /more than the limit of 5000 \(BODY_MAX_BLOCKS\)/
    );
    expect(await count()).toBe(before);
  });

  it('the importer reports such a story as that document’s error and imports the others', async () => {
    const long = story(1, {
      paragraphs: Array.from({ length: 5001 }, (_, i) => `بند شماره ${i} از خبری بسیار بلند.`),
    });
    const res = await app
      .http()
      .post('/api/import')
      .set('Authorization', token)
      .send({
        files: [
          { name: 'long.txt', content: long },
          { name: 'short.txt', content: story(2) },
        ],
      })
      .expect(200);
    const [refused, imported] = res.body.documents;
    expect(refused).toMatchObject({
      file: 'long.txt',
      ok: false,
      error: { code: 'INVALID_ARTICLE' },
    });
    expect(refused.error.message).toMatch(/more than the limit of 5000 \(BODY_MAX_BLOCKS\)/);
    expect(imported).toMatchObject({ file: 'short.txt', ok: true, action: 'created' });
  });
});
