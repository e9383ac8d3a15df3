import { readFileSync } from 'fs';
import path from 'path';
import { bootApp, TestApp } from '../../harness/strapi';
import { contractError } from '../../harness/contract';

/**
 * docs/openapi.json as the app serves it and as `npm run contract` would write it from this app, and the
 * two guards of the contract: a route without a declaration stops the generation, and an answer the
 * document does not describe is reported.
 */
const { buildDocument } = require('../../../scripts/contract/openapi');

const committed = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../docs/openapi.json'), 'utf8')
);

let app: TestApp;
beforeAll(async () => {
  app = await bootApp({ seed: false });
});
afterAll(async () => {
  await app?.close();
});

const generate = () => {
  const dist = (file: string) =>
    path.resolve(__dirname, '../../../dist/src/plugins/jalali-date', file);
  const { findJalaliAttributes, jalaliKeys } = require(dist('server/fields'));
  const { JALALI_WEEKDAY_NAMES, JALALI_MONTH_NAMES } = require(
    path.resolve(__dirname, '../../../dist/src/jalali/names')
  );
  return buildDocument(app.strapi, {
    jalaliKeys: jalaliKeys(findJalaliAttributes(app.strapi)),
    weekdays: [...JALALI_WEEKDAY_NAMES],
    months: [...JALALI_MONTH_NAMES],
    paginationRanges: require(path.resolve(__dirname, '../../../dist/src/lib/pagination-range'))
      .PAGINATION_RANGES,
  });
};

it('GET /api/openapi.json serves the committed document to anyone, cacheable, with an ETag', async () => {
  const res = await app.http().get('/api/openapi.json').expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['cache-control']).toBe('public, max-age=300');
  // As committed: the Jalali middleware must not add siblings to the schemas' `publishedAt` properties.
  expect(res.body).toEqual(committed);
  await app.http().get('/api/openapi.json').set('If-None-Match', res.headers.etag).expect(304);
});

it('the committed document is what `npm run contract` makes of this app', () => {
  expect(generate()).toEqual(committed);
});

it('a content-API route without an `openapi` declaration stops the generation', () => {
  const { routes } = (
    app.strapi.apis as Record<string, { routes: Record<string, { routes: unknown[] }> }>
  ).article.routes['01-lookups'];
  routes.push({
    method: 'GET',
    path: '/articles/undeclared',
    handler: 'api::article.by-slug.findOne',
    info: { type: 'content-api' },
  });
  try {
    expect(generate).toThrow(
      /GET \/api\/articles\/undeclared \(src\/api\/article\/routes\/01-lookups\)/
    );
  } finally {
    routes.pop();
  }
});

describe('an answer the document does not describe is reported', () => {
  it('a missing key, a wrong type, an unknown key', () => {
    const report = contractError('GET', 'http://127.0.0.1/api/articles?locale=fa', 200, {
      data: [{ id: 1, documentId: 'a', title: 7, headline: 'x' }],
    });
    expect(report).toContain(
      'GET /articles answered 200 with a body docs/openapi.json does not describe'
    );
    expect(report).toContain("at (body): must have required property 'meta'");
    expect(report).toContain('at /data/0/title: must be string');
    expect(report).toContain('at /data/0: must NOT have additional properties "headline"');
  });

  it('a status the operation does not list; a Persian slug percent-encoded or not', () => {
    expect(contractError('GET', '/api/articles/slug/x', 418, {})).toBe(
      'GET /articles/slug/{slug} answered 418, which docs/openapi.json does not list for it'
    );
    const redirect = { redirect: { slug: 'دفاتر-پیشخوان', locale: 'fa' } };
    expect(
      contractError('GET', `/api/sections/slug/${encodeURIComponent('دفاتر')}`, 301, redirect)
    ).toBeNull();
    expect(
      contractError('GET', '/api/sections/slug/دفاتر', 301, { redirect: { slug: 'x' } })
    ).toContain("must have required property 'locale'");
  });

  it("Strapi's plugin routes are checked too: a user, a file or a locale of the wrong shape", () => {
    const user = contractError('GET', '/api/users/me', 200, {
      id: 1,
      documentId: 'u1',
      username: 'reader',
      password: 'leaked',
    });
    expect(user).toContain(
      'GET /users/me answered 200 with a body docs/openapi.json does not describe'
    );
    expect(user).toContain('must NOT have additional properties "password"');
    expect(
      contractError('POST', '/api/auth/local', 200, { user: { id: 1, documentId: 'u1' } })
    ).toContain("must have required property 'jwt'");
    expect(
      contractError('POST', '/api/upload', 201, [{ id: 1, documentId: 'f1', size: 'large' }])
    ).toContain('at /0/size: must be number');
    expect(contractError('GET', '/api/i18n/locales', 200, { data: [] })).toContain('must be array');
    expect(
      contractError('GET', '/api/upload/files/7', 200, { id: 7, documentId: 'f7' })
    ).toBeNull();
  });

  it("a `details.code` the route's status does not list", () => {
    const refusal = (status: number, code: string) => ({
      data: null,
      error: { status, name: 'ValidationError', message: 'refused', details: { code } },
    });
    // Each write lists the codes of the save steps serving its content type: a section's footer policy…
    expect(contractError('POST', '/api/sections', 400, refusal(400, 'unknown-mode'))).toBeNull();
    expect(contractError('POST', '/api/articles', 400, refusal(400, 'unknown-mode'))).toContain(
      'at /error/details/code: must be equal to one of the allowed values'
    );
    // …a slug lookup its own, a read the Jalali filter's, and no route a code of another's.
    expect(
      contractError('GET', '/api/officials/slug/x', 400, refusal(400, 'MALFORMED_SLUG'))
    ).toBeNull();
    expect(contractError('GET', '/api/articles', 400, refusal(400, 'DAY_OUT_OF_RANGE'))).toBeNull();
    expect(contractError('GET', '/api/articles', 400, refusal(400, 'SLUG_TAKEN'))).toContain(
      'must be equal to one of the allowed values'
    );
    expect(contractError('GET', '/api/users/me', 400, refusal(400, 'EMPTY_QUERY'))).toContain(
      'must be equal to one of the allowed values'
    );
    // A status with no codes of its own answers none.
    expect(contractError('DELETE', '/api/articles/x', 400, refusal(400, 'INVALID_JSON'))).toContain(
      'at /error/details/code: boolean schema is false'
    );
    expect(contractError('GET', '/api/articles/x', 404, refusal(404, 'NOT_FOUND'))).toContain(
      'boolean schema is false'
    );
    expect(contractError('POST', '/api/import', 413, refusal(413, 'REQUEST_TOO_LARGE'))).toBeNull();
  });

  it("routes outside the document (admin, GraphQL, Strapi's email) are not checked", () => {
    expect(
      contractError(
        'GET',
        '/content-manager/collection-types/api::article.article',
        200,
        'anything'
      )
    ).toBeNull();
    expect(contractError('POST', '/graphql', 200, 'anything')).toBeNull();
    expect(contractError('POST', '/api/email', 200, 'anything')).toBeNull();
  });
});
