import { readFileSync } from 'fs';
import path from 'path';
import { bootApp, TestApp } from '../../harness/strapi';

/** Every curl and GraphQL example of docs/api.md, run against the demo content. */
const doc = readFileSync(path.resolve(__dirname, '../../../docs/api.md'), 'utf8');
const curls = [...doc.matchAll(/^curl -g '([^']+)'$/gm)].map((match) => new URL(match[1]));
const queries = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

let app: TestApp;
beforeAll(async () => { app = await bootApp(); });
afterAll(async () => { await app?.close(); });

it('docs/api.md has examples to try', () => {
  expect(curls.length).toBeGreaterThanOrEqual(10);
  expect(queries.length).toBeGreaterThanOrEqual(4);
});

it.each(curls.map((url) => [decodeURIComponent(url.pathname + url.search), url]))('GET %s', async (_label, url) => {
  const res = await app.http().get(url.pathname + url.search);
  expect(res.status).toBe(200);
  const data = res.body.data;
  expect(Array.isArray(data) ? data.length : data ? 1 : 0).toBeGreaterThan(0);
});

it.each(queries.map((query) => [query.split('\n')[1].trim(), query]))('GraphQL %s', async (_label, query) => {
  const res = await app.http().post('/graphql').send({ query }).expect(200);
  expect(res.body.errors).toBeUndefined();
  for (const value of Object.values(res.body.data)) {
    expect(Array.isArray(value) ? value.length : value).toBeTruthy();
  }
});
