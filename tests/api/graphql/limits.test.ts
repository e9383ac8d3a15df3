import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { pageQueries } from './page-queries';

/** `{ articles { section { … { name } } } }` with `pairs` articles-section pairs: 2 × pairs + 1 deep. */
const nest = (pairs: number) =>
  `{ ${'articles { section { '.repeat(pairs)}name${' } }'.repeat(pairs)} }`;
const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: articles(pagination: { pageSize: 100 }) { title lead body { __typename } section { name } }`).join(' ')} }`;

describe('GraphQL limits with the default configuration', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const gql = (query: string, variables?: Record<string, unknown>, token?: string) => {
    const req = app.http().post('/graphql');
    if (token) req.set('Authorization', token);
    return req.send({ query, variables });
  };

  it.each(pageQueries.map((page) => [page.name, page] as const))(
    'admits the %s',
    async (_name, { query, variables }) => {
      const res = await gql(query, variables);
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
    }
  );

  // The shapes of issue #19: each took seconds to minutes and gigabytes before, or killed the process.
  it.each([
    [
      'nine levels of articles and sections',
      nest(4),
      'depth',
      8,
      9,
      /Query depth limit of 8 exceeded, found 9/,
    ],
    [
      'seven levels (within the depth limit)',
      nest(3),
      'cost',
      3000,
      48175,
      /Query cost 48175 is over the budget of 3000/,
    ],
    [
      '16 aliases of one page',
      aliases(16).replace(/100/g, '1'),
      'aliases',
      15,
      16,
      /Aliases limit of 15 exceeded, found 16/,
    ],
    [
      'ten aliases of 100 articles',
      aliases(10),
      'cost',
      3000,
      7000,
      /Query cost 7000 is over the budget of 3000/,
    ],
    [
      '31 directives',
      `{ articles { ${Array.from({ length: 31 }, () => 'title @include(if: true)').join(' ')} } }`,
      'directives',
      20,
      31,
      /Directives limit of 20 exceeded, found 31/,
    ],
  ])(
    'refuses %s with a 400 naming the limit and the figure',
    async (_name, query, limit, max, found, message) => {
      const started = Date.now();
      const res = await gql(query);
      expect(res.status).toBe(400);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].message).toMatch(message);
      expect(res.body.errors[0].extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit,
        max,
        found,
        messageFa: expect.stringMatching(/[\u0600-\u06FF]/),
      });
    }
  );

  it('refuses a thousand aliases at the token limit, before it is even parsed whole', async () => {
    const res = await gql(aliases(1000));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/more tha[nt] 1000 tokens/);
    expect(res.body.errors[0].extensions).toMatchObject({
      limit: 'tokens',
      max: 1000,
      messageFa: expect.stringMatching(/[\u0600-\u06FF]/),
    });
  });

  it('counts variables: a page size sent as a variable costs what it asks for', async () => {
    const query =
      'query ($size: Int) { articles(pagination: { pageSize: $size }) { section { articles(pagination: { pageSize: $size }) { title } } } }';
    expect((await gql(query, { size: 10 })).status).toBe(200);
    const res = await gql(query, { size: 100 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({
      limit: 'cost',
      found: 100 * (1 + 1 + 100 * 2),
    });
  });

  it('gives full-access tokens the larger budget, and only them', async () => {
    const query = aliases(10);
    expect(
      (await gql(query, undefined, await createApiToken(app.strapi, 'read-only'))).status
    ).toBe(400);
    const res = await gql(query, undefined, await createApiToken(app.strapi, 'full-access'));
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it.each([
    ['articles(pagination: { page: -1 })', 'articles(pagination.page)', 1, 2147483647],
    ['articles(pagination: { page: 0 })', 'articles(pagination.page)', 1, 2147483647],
    ['articles(pagination: { pageSize: 101 })', 'articles(pagination.pageSize)', 1, 100],
    ['articles(pagination: { start: -5, limit: 2 })', 'articles(pagination.start)', 0, 2147483647],
    ['articles(pagination: { limit: 0 })', 'articles(pagination.limit)', 1, 100],
    [
      'articlesArchive(year: 1396, pagination: { page: -3 })',
      'articlesArchive(pagination.page)',
      1,
      2147483647,
    ],
    [
      'sections { articles(pagination: { pageSize: -1 }) }',
      'articles(pagination.pageSize)',
      1,
      100,
    ],
  ])('refuses %s before running it, naming the parameter', async (field, parameter, min, max) => {
    const query = `{ ${field.includes('{ articles') ? field.replace(') }', ') { title } }') : `${field} { title }`} }`;
    const res = await gql(query);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe(
      `${parameter} must be a whole number from ${min} to ${max}`
    );
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      parameter,
      min,
      max,
      messageFa: expect.stringMatching(/[\u0600-\u06FF]/),
    });
  });

  it.each([
    ['articlesArchive(year: 99999)', /^articlesArchive: Archive year/, 'INVALID_FORMAT'],
    ['articlesArchive(year: 1396, month: 13)', /^articlesArchive: .*month/i, 'MONTH_OUT_OF_RANGE'],
    ['articlesArchive(year: 1396, month: 12, day: 31)', /^articlesArchive: /, 'DAY_OUT_OF_RANGE'],
  ])(
    'refuses %s before running it, with a 400 naming the part, not an error inside a 200',
    async (field, message, reason) => {
      const res = await gql(`{ ${field} { title } }`);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0].message).toMatch(message);
      expect(res.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        messageFa: expect.stringMatching(/[\u0600-\u06FF]/),
      });
    }
  );

  it('refuses a search page out of range with a 400, not an error inside a 200', async () => {
    const res = await gql('{ search(q: "سلیمی", pagination: { page: -1 }) { total } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.parameter).toBe('search(pagination.page)');
  });

  it('refuses pages too large for GraphQL Int as GraphQL itself does, with a 400', async () => {
    const res = await gql('{ articles(pagination: { page: 99999999999999999999 }) { title } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Int cannot represent/);
  });
});

describe('the documented cost of each page query', () => {
  let app: TestApp;
  // A budget of 1 refuses everything and so reports every query's cost.
  beforeAll(async () => {
    app = await bootApp({ env: { GRAPHQL_COST_BUDGET: '1' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(pageQueries.map((page) => [page.name, page] as const))(
    '%s',
    async (_name, { query, variables, cost }) => {
      const res = await app.http().post('/graphql').send({ query, variables });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toMatchObject({ limit: 'cost', found: cost, max: 1 });
    }
  );
});
