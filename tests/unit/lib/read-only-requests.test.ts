import { isReadOnlyRequest } from '../../../src/lib/sqlite-read-connection';

/** Which requests read from SQLite's second connection: a write taken for a read would fail, never wait. */
const request = (method: string, path: string, body?: unknown) => ({
  method,
  path,
  request: { body },
});

it('GET and HEAD of the content API read', () => {
  expect(isReadOnlyRequest(request('GET', '/api/articles'))).toBe(true);
  expect(isReadOnlyRequest(request('HEAD', '/api/sections'))).toBe(true);
});

it('writes, the admin and other routes do not', () => {
  expect(isReadOnlyRequest(request('POST', '/api/articles'))).toBe(false);
  expect(isReadOnlyRequest(request('PUT', '/api/articles/x'))).toBe(false);
  expect(isReadOnlyRequest(request('DELETE', '/api/articles/x'))).toBe(false);
  expect(isReadOnlyRequest(request('GET', '/admin/users/me'))).toBe(false);
  expect(
    isReadOnlyRequest(request('GET', '/content-manager/collection-types/api::article.article'))
  ).toBe(false);
});

it('GraphQL reads unless its document names a mutation or a subscription', () => {
  expect(isReadOnlyRequest(request('POST', '/graphql', { query: '{ articles { title } }' }))).toBe(
    true
  );
  expect(
    isReadOnlyRequest(request('POST', '/graphql', { query: 'query Front { articles { title } }' }))
  ).toBe(true);
  expect(
    isReadOnlyRequest(
      request('POST', '/graphql', {
        query: 'mutation { createSection(data: { name: "x" }) { name } }',
      })
    )
  ).toBe(false);
  expect(
    isReadOnlyRequest(request('POST', '/graphql', { query: 'query A { a } mutation B { b }' }))
  ).toBe(false);
  // A persisted query or a body that is not a GraphQL request is not known to read.
  expect(
    isReadOnlyRequest(request('POST', '/graphql', { extensions: { persistedQuery: {} } }))
  ).toBe(false);
  expect(isReadOnlyRequest(request('POST', '/graphql'))).toBe(false);
});
