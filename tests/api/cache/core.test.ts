/** The response cache's pure core: what is cacheable, keys, GraphQL classification, entries, the byte-bounded store. */
import * as graphql from 'graphql';
import {
  containsDraft,
  createClassifier,
  createGraphqlClassifier,
  decodeEntry,
  DEFAULT_OPTIONS,
  encodeEntry,
  makeEntry,
  matchesIfNoneMatch,
  MemoryStore,
  normalizeQuerystring,
  OptionsError,
  stableStringify,
  uidMatcher,
  validateOptions,
} from '../../../src/plugins/response-cache/core';

const classifier = createClassifier(DEFAULT_OPTIONS);
const get = (path: string, querystring = '', headers: Record<string, string> = {}) =>
  classifier.classify({ method: 'GET', path, querystring, headers });

describe('which requests are cacheable', () => {
  it.each([
    '/api/articles',
    '/api/articles/abc123',
    '/api/articles/slug/%D9%BE%DB%8C%D8%B4',
    '/api/articles/code/12',
    '/api/articles/archive/1396',
    '/api/articles/archive/1396/8',
    '/api/articles/archive/1396/08/09',
    '/api/sections',
    '/api/sections/slug/x',
    '/api/officials/abc',
    '/api/officials/slug/x',
    '/api/search',
  ])('GET %s', (path) => {
    expect(get(path).kind).toBe('rest');
  });

  it.each([
    '/api/import',
    '/api/users/me',
    '/admin/init',
    '/content-manager/collection-types/api::article.article',
    '/api/articles/a/b/c/d',
  ])('not %s', (path) => {
    expect(get(path).kind).toBe('pass');
  });

  it('writes are not cache requests', () => {
    expect(
      classifier.classify({ method: 'POST', path: '/api/articles', querystring: '', headers: {} })
        .kind
    ).toBe('pass');
    expect(
      classifier.classify({ method: 'PUT', path: '/api/articles/x', querystring: '', headers: {} })
        .kind
    ).toBe('pass');
  });

  it('a token, an admin session or a draft request bypasses', () => {
    expect(get('/api/articles', '', { authorization: 'Bearer x' })).toMatchObject({
      kind: 'bypass',
      reason: 'authorization',
    });
    expect(get('/api/articles', '', { cookie: 'a=1; strapi_admin_refresh=abc' })).toMatchObject({
      kind: 'bypass',
      reason: 'session',
    });
    expect(get('/api/articles', '', { cookie: 'theme=dark; _ga=1' }).kind).toBe('rest');
    expect(get('/api/articles', 'status=draft')).toMatchObject({ kind: 'bypass', reason: 'draft' });
    expect(get('/api/articles', 'locale=fa&status=%64raft')).toMatchObject({
      kind: 'bypass',
      reason: 'draft',
    });
    expect(get('/api/articles', 'status=published').kind).toBe('rest');
  });

  it('HEAD is answered like GET, under the same key', () => {
    const head = classifier.classify({
      method: 'HEAD',
      path: '/api/articles',
      querystring: 'a=1',
      headers: {},
    });
    expect(head).toEqual(get('/api/articles', 'a=1'));
  });

  it('GraphQL POSTs with JSON go to the body check, others bypass', () => {
    const post = (headers: Record<string, string>) =>
      classifier.classify({ method: 'POST', path: '/graphql', querystring: '', headers });
    expect(post({ 'content-type': 'application/json' }).kind).toBe('graphql');
    expect(post({ 'content-type': 'multipart/form-data' })).toMatchObject({ kind: 'bypass' });
    expect(post({ 'content-type': 'application/json', authorization: 'Bearer t' })).toMatchObject({
      kind: 'bypass',
      reason: 'authorization',
    });
  });

  it('per-route Cache-Control, and routes can be switched off', () => {
    const custom = createClassifier({
      ...DEFAULT_OPTIONS,
      routes: {
        ...DEFAULT_OPTIONS.routes,
        search: { match: '^/api/search/?$', enabled: false },
        articles: { match: '^/api/articles(?:/[^/]+)?/?$', cacheControl: 'public, s-maxage=5' },
      },
    });
    expect(
      custom.classify({ method: 'GET', path: '/api/search', querystring: '', headers: {} }).kind
    ).toBe('pass');
    expect(
      custom.classify({ method: 'GET', path: '/api/articles', querystring: '', headers: {} })
    ).toMatchObject({ route: { cacheControl: 'public, s-maxage=5' } });
  });
});

describe('keys', () => {
  it('parameters are sorted by name, repeated ones keep their order', () => {
    expect(normalizeQuerystring('b=2&a=1')).toBe('a=1&b=2');
    expect(normalizeQuerystring('a[]=y&b=1&a[]=x')).toBe('a[]=y&a[]=x&b=1');
    expect(normalizeQuerystring('')).toBe('');
    expect(get('/api/articles', 'locale=fa&populate=section')).toEqual(
      get('/api/articles', 'populate=section&locale=fa')
    );
    expect(get('/api/articles', 'sort=a&sort=b')).not.toEqual(
      get('/api/articles', 'sort=b&sort=a')
    );
  });

  it('stable JSON', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}'
    );
  });
});

describe('GraphQL', () => {
  const gql = createGraphqlClassifier(graphql);
  const key = (payload: unknown) => {
    const verdict = gql.classify(payload);
    return verdict.cacheable ? verdict.key : verdict.reason;
  };

  it('queries are keyed on the normalized document, variables and operation name', () => {
    const a = key({ query: '{ articles { title } }' });
    expect(a).toBe(key({ query: 'query {\n  articles {\n    title\n  }\n}  # comment' }));
    expect(a).not.toBe(key({ query: '{ articles { title slug } }' }));
    const withVars = key({
      query: 'query A($l: I18NLocaleCode) { articles(locale: $l) { title } }',
      variables: { l: 'fa' },
    });
    expect(withVars).not.toBe(
      key({
        query: 'query A($l: I18NLocaleCode) { articles(locale: $l) { title } }',
        variables: { l: 'en' },
      })
    );
    expect(key({ query: 'query A($a: Int, $b: Int) { x }', variables: { a: 1, b: 2 } })).toBe(
      key({ query: 'query A($a: Int, $b: Int) { x }', variables: { b: 2, a: 1 } })
    );
  });

  it('mutations and subscriptions are never cached, whichever operation is selected', () => {
    expect(key({ query: 'mutation { deleteArticle(documentId: "x") { documentId } }' })).toBe(
      'mutation'
    );
    expect(
      key({
        query:
          'query Q { articles { title } } mutation M { deleteArticle(documentId: "x") { documentId } }',
        operationName: 'Q',
      })
    ).toBe('mutation');
    expect(key({ query: 'subscription { x }' })).toBe('mutation');
  });

  it('drafts, batches, broken documents and persisted-query hashes are not cached', () => {
    expect(key({ query: '{ articles(status: DRAFT) { title } }' })).toBe('draft');
    expect(
      key({
        query: 'query($s: PublicationStatus) { articles(status: $s) { title } }',
        variables: { s: 'DRAFT' },
      })
    ).toBe('draft');
    expect(key([{ query: '{ articles { title } }' }])).toBe('unparsable');
    expect(key({ query: '{ articles { ' })).toBe('unparsable');
    expect(key({ extensions: { persistedQuery: { sha256Hash: 'x' } } })).toBe('unparsable');
    expect(key({ query: 'query A { a } query B { b }' })).toBe('unparsable');
    expect(typeof key({ query: 'query A { a } query B { b }', operationName: 'B' })).toBe('string');
  });
});

describe('entries', () => {
  it('round-trip through their stored form, Persian included', () => {
    const entry = makeEntry(
      200,
      { 'content-type': 'application/json; charset=utf-8', 'content-language': 'fa' },
      Buffer.from('{"title":"خبر\\nفوری"}')
    );
    const decoded = decodeEntry(encodeEntry(entry));
    expect(decoded).toEqual(entry);
    expect(decodeEntry(Buffer.from('garbage'))).toBeNull();
  });

  it('ETags change with the body and If-None-Match is compared weakly', () => {
    const a = makeEntry(200, {}, Buffer.from('a'));
    const b = makeEntry(200, {}, Buffer.from('b'));
    expect(a.etag).not.toBe(b.etag);
    expect(matchesIfNoneMatch(a.etag, a.etag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${a.etag}`, a.etag)).toBe(true);
    expect(matchesIfNoneMatch(`${b.etag}, ${a.etag}`, a.etag)).toBe(true);
    expect(matchesIfNoneMatch(b.etag, a.etag)).toBe(false);
    expect(matchesIfNoneMatch('*', a.etag)).toBe(true);
    expect(matchesIfNoneMatch(undefined, a.etag)).toBe(false);
  });

  it('a draft anywhere in an answer is found', () => {
    expect(containsDraft({ data: [{ title: 'a', publishedAt: '2024-01-01' }] })).toBe(false);
    expect(containsDraft({ data: { section: { articles: [{ publishedAt: null }] } } })).toBe(true);
  });
});

describe('the in-process store', () => {
  const entryOf = (size: number) => makeEntry(200, {}, Buffer.alloc(size, 'x'));

  it('stays within its byte bound, evicting the least recently used', () => {
    const store = new MemoryStore({ maxBytes: 100_000, maxEntryBytes: 20_000, ttlMs: 60_000 });
    for (let i = 0; i < 200; i += 1) store.set(`k${i}`, 'g', entryOf(1_000));
    const stats = store.stats();
    expect(stats.bytes).toBeLessThanOrEqual(100_000);
    expect(stats.entries).toBeLessThan(200);
    expect(stats.evictions).toBeGreaterThan(0);
    expect(store.get('k199', 'g')).toBeDefined();
    expect(store.get('k0', 'g')).toBeUndefined();
  });

  it('refuses entries over the entry bound and serves only the generation asked for', () => {
    const store = new MemoryStore({ maxBytes: 100_000, maxEntryBytes: 5_000, ttlMs: 60_000 });
    expect(store.set('big', 'g', entryOf(10_000))).toBe(false);
    expect(store.set('small', 'g1', entryOf(100))).toBe(true);
    expect(store.get('small', 'g1')).toBeDefined();
    expect(store.get('small', 'g2')).toBeUndefined();
  });
});

describe('options', () => {
  it('rejects settings that cannot work', () => {
    expect(() => validateOptions({ ...DEFAULT_OPTIONS, maxMemoryMb: 0 })).toThrow(OptionsError);
    expect(() =>
      validateOptions({ ...DEFAULT_OPTIONS, maxEntryKb: 10_000, maxMemoryMb: 1 })
    ).toThrow(OptionsError);
    expect(() => validateOptions({ ...DEFAULT_OPTIONS, routes: { bad: { match: '(' } } })).toThrow(
      OptionsError
    );
    expect(validateOptions(DEFAULT_OPTIONS)).toBe(DEFAULT_OPTIONS);
  });

  it('uid patterns', () => {
    const watches = uidMatcher('api::*, plugin::upload.file');
    expect(watches('api::article.article')).toBe(true);
    expect(watches('plugin::upload.file')).toBe(true);
    expect(watches('plugin::upload.folder')).toBe(false);
    expect(watches('admin::api-token')).toBe(false);
  });
});
