/** RESPONSE_CACHE=false: plain Strapi, no cache headers, every read from the database. */
import { bootApp, TestApp } from '../../harness/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await bootApp({ env: { RESPONSE_CACHE: 'false' } });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

it('answers without X-Cache, ETag or Cache-Control of its own', async () => {
  for (let i = 0; i < 2; i += 1) {
    const res = await app.http().get('/api/articles?locale=fa').expect(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
    expect(res.body.data).toHaveLength(1);
  }
  const gql = await app
    .http()
    .post('/graphql')
    .send({ query: '{ articles { title } }' })
    .expect(200);
  expect(gql.headers['x-cache']).toBeUndefined();
  expect(gql.body.data.articles).toHaveLength(1);
  expect(app.strapi.plugin('response-cache').service('cache').stats()).toEqual({ enabled: false });
});
