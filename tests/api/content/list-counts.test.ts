import { knex } from 'knex';
import { bootApp, TestApp } from '../../harness/strapi';
import { ensureListCounters } from '../../../src/bootstrap/list-counters';
import { ArchiveImporter } from '../../../src/importer/importer';
import { input, story } from '../importer/helpers';

/**
 * The lists' maintained counts (src/bootstrap/list-counters.ts, list-counts.ts): kept exact by triggers
 * through every write path, and the lists' totals read from them instead of counting the table.
 */
let app: TestApp;
let jwt: string;
const ARTICLE = 'api::article.article';

const isPostgres = () => app.strapi.db.config.connection.client === 'postgres';
const db = () => app.strapi.db.connection;

const rowsOf = <T>(result: unknown): T[] =>
  (isPostgres() ? (result as { rows: T[] }).rows : result) as T[];

/** Each locale's drafts and published rows, as `locale/draft` → count, without zeros. */
const byKey = (rows: Array<{ locale: string; published: unknown; n: unknown }>) =>
  Object.fromEntries(
    rows
      .filter((row) => Number(row.n) !== 0)
      .map((row) => [
        `${row.locale}/${Number(row.published) ? 'published' : 'draft'}`,
        Number(row.n),
      ])
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
  );

/** What the articles table holds, counted. */
const counted = async () =>
  byKey(
    rowsOf(
      await db().raw(
        `SELECT coalesce(locale, '') AS locale, published_at IS NOT NULL AS published, count(*) AS n
         FROM articles GROUP BY coalesce(locale, ''), published_at IS NOT NULL`
      )
    )
  );

/** What the counters hold. */
const kept = async () =>
  byKey(
    rowsOf(
      await db().raw(
        'SELECT locale, published, sum(delta) AS n FROM list_counts WHERE content_type = ? GROUP BY locale, published',
        [ARTICLE]
      )
    )
  );

const expectExact = async () => {
  const truth = await counted();
  expect(await kept()).toEqual(truth);
  return truth;
};

/** The count a list is answered with for one locale's drafts or published rows. */
const listCount = (locale: string, published: boolean) =>
  app.strapi.db
    .query(ARTICLE)
    .count({ where: { locale, publishedAt: published ? { $notNull: true } : { $null: true } } });

/** The SQL every knex instance runs during `work` (SQLite reads of a request run on a second instance). */
const statementsOf = async (work: () => Promise<unknown>): Promise<string[]> => {
  const statements: string[] = [];
  const prototype = knex.Client.prototype;
  const query = prototype.query;
  prototype.query = function (this: unknown, connection: unknown, sql: unknown) {
    statements.push(typeof sql === 'string' ? sql : (sql as { sql: string }).sql);
    return query.apply(this, [connection, sql]);
  };
  try {
    await work();
  } finally {
    prototype.query = query;
  }
  return statements;
};

const countsOfArticles = (statements: string[]) =>
  statements.filter((sql) => /count\(/i.test(sql) && /["`]articles["`]/.test(sql));

beforeAll(async () => {
  app = await bootApp();
  const credentials = { email: 'counts@example.com', password: 'Counts-Pass-1234' };
  await app
    .http()
    .post('/admin/register-admin')
    .send({ firstname: 'Count', lastname: 'Editor', ...credentials })
    .expect(200);
  jwt = `Bearer ${(await app.http().post('/admin/login').send(credentials).expect(200)).body.data.token}`;
});
afterAll(async () => {
  await app?.close();
});

test('the counts hold the rows already there when the app starts (the seed)', async () => {
  const truth = await expectExact();
  expect(truth['fa/published']).toBeGreaterThan(0);
});

test('a table whose triggers are missing is recounted at start, and a start with them changes nothing', async () => {
  // As a database loaded before the counts existed (or a SQLite table Strapi's schema sync rebuilt).
  await db().raw(
    `DROP TRIGGER IF EXISTS articles_list_count_insert${isPostgres() ? ' ON articles' : ''}`
  );
  await db()('articles').insert({ document_id: 'uncounted', locale: 'fa', title: 'خبر بی‌شمار' });
  await db()('list_counts').where({ content_type: ARTICLE }).delete();
  const info = jest.spyOn(app.strapi.log, 'info');
  try {
    await ensureListCounters(app.strapi, [ARTICLE]);
    await expectExact();
    expect(info).toHaveBeenCalledTimes(1);
    await ensureListCounters(app.strapi, [ARTICLE]);
    expect(info).toHaveBeenCalledTimes(1);
  } finally {
    info.mockRestore();
  }
  await db()('articles').where({ document_id: 'uncounted' }).delete();
  await expectExact();
});

test('they stay exact through create, publish, update, a new locale, unpublish, discard and delete', async () => {
  const documents = app.strapi.documents(ARTICLE);
  const { documentId } = await documents.create({
    locale: 'fa',
    data: { title: 'خبر شمارش', lead: 'لید خبر شمارش' } as never,
  });
  await expectExact();
  await documents.publish({ documentId, locale: 'fa' });
  await expectExact();
  await documents.update({ documentId, locale: 'fa', data: { title: 'خبر شمارش تازه' } as never });
  await documents.publish({ documentId, locale: 'fa' });
  await expectExact();
  await documents.update({
    documentId,
    locale: 'en',
    data: { title: 'خبر شمارش انگلیسی', lead: 'لید انگلیسی' } as never,
  });
  expect((await expectExact())['en/draft']).toBe(1);
  await documents.publish({ documentId, locale: 'en' });
  await documents.unpublish({ documentId, locale: 'fa' });
  await expectExact();
  await documents.discardDraft({ documentId, locale: 'en' });
  await expectExact();
  await documents.delete({ documentId, locale: '*' });
  const truth = await expectExact();
  expect(truth['en/published']).toBeUndefined();
  expect(await listCount('fa', false)).toBe(truth['fa/draft']);
  expect(await listCount('fa', true)).toBe(truth['fa/published']);
});

test("they stay exact through the importer's batch of new stories", async () => {
  const before = await counted();
  const importer = await ArchiveImporter.open(app.strapi, { publish: true });
  const reports = await importer.importFiles([1, 2, 3].map((n) => input(`${n}.txt`, story(n))));
  expect(reports.map((report) => report.ok && report.action)).toEqual([
    'created',
    'created',
    'created',
  ]);
  const truth = await expectExact();
  expect(truth['fa/published']).toBe(before['fa/published'] + 3);
  expect(truth['fa/draft']).toBe(before['fa/draft'] + 3);
});

test('they stay exact through raw SQL: inserts, a change of state or locale, deletes', async () => {
  const rows = [1, 2, 3].map((n) => ({
    document_id: `raw-count-${n}`,
    locale: 'fa',
    title: `خبر خام ${n}`,
    published_at: n === 1 ? new Date() : null,
  }));
  await db()('articles').insert(rows);
  await expectExact();
  await db()('articles').where({ document_id: 'raw-count-2' }).update({ published_at: new Date() });
  await db()('articles').where({ document_id: 'raw-count-3' }).update({ locale: 'en' });
  await db()('articles').where({ document_id: 'raw-count-1' }).update({ title: 'خبر خام تازه' });
  await expectExact();
  await db()('articles').where('document_id', 'like', 'raw-count-%').delete();
  await expectExact();
});

test('many writes to one key leave few counter rows, and the count stays exact', async () => {
  for (let n = 0; n < 80; n += 1)
    await db()('articles').insert({ document_id: `many-${n}`, locale: 'en', title: `خبر ${n}` });
  const truth = await expectExact();
  expect(await listCount('en', false)).toBe(truth['en/draft']);
  const [{ entries }] = rowsOf<{ entries: unknown }>(
    await db().raw(
      'SELECT count(*) AS entries FROM list_counts WHERE content_type = ? AND locale = ? AND published = ?',
      [ARTICLE, 'en', isPostgres() ? false : 0]
    )
  );
  expect(Number(entries)).toBe(1);
  await db()('articles').where('document_id', 'like', 'many-%').delete();
  await expectExact();
});

test("the public list's total is the count of published rows, read without counting the table", async () => {
  let res: { body: { meta: { pagination: { total: number } } } } | undefined;
  const statements = await statementsOf(async () => {
    res = await app.http().get('/api/articles?pagination[pageSize]=2').expect(200);
  });
  expect(res!.body.meta.pagination.total).toBe((await counted())['fa/published']);
  expect(countsOfArticles(statements)).toEqual([]);
  expect(statements.some((sql) => /list_counts/.test(sql))).toBe(true);
});

test("GraphQL's pageInfo total is the same count", async () => {
  let total: number | undefined;
  const statements = await statementsOf(async () => {
    const res = await app
      .http()
      .post('/graphql')
      .send({
        query: '{ articles_connection(pagination: { pageSize: 2 }) { pageInfo { total } } }',
      })
      .expect(200);
    total = res.body.data.articles_connection.pageInfo.total;
  });
  expect(total).toBe((await counted())['fa/published']);
  expect(countsOfArticles(statements)).toEqual([]);
});

test("the admin's list total is the count of the locale's drafts, read without counting the table", async () => {
  let res: { body: { pagination: { total: number } } } | undefined;
  const statements = await statementsOf(async () => {
    res = await app
      .http()
      .get(
        `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&sort=title:ASC&locale=fa`
      )
      .set('Authorization', jwt)
      .expect(200);
  });
  expect(res!.body.pagination.total).toBe((await counted())['fa/draft']);
  expect(countsOfArticles(statements)).toEqual([]);
  expect(statements.some((sql) => /list_counts/.test(sql))).toBe(true);
});

test('a filtered or searched list still counts its rows in the table', async () => {
  const word = 'فیلترشده';
  const documents = app.strapi.documents(ARTICLE);
  for (const n of [1, 2])
    await documents.create({
      locale: 'fa',
      data: { title: `خبر ${word} ${n}`, lead: 'لید' } as never,
      status: 'published',
    });
  let rest: { body: { meta: { pagination: { total: number } } } } | undefined;
  const restStatements = await statementsOf(async () => {
    rest = await app
      .http()
      .get(`/api/articles?filters[title][$contains]=${encodeURIComponent(word)}`)
      .expect(200);
  });
  expect(rest!.body.meta.pagination.total).toBe(2);
  expect(countsOfArticles(restStatements)).toHaveLength(1);
  let admin: { body: { pagination: { total: number } } } | undefined;
  const adminStatements = await statementsOf(async () => {
    admin = await app
      .http()
      .get(
        `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&locale=fa&_q=${encodeURIComponent(word)}`
      )
      .set('Authorization', jwt)
      .expect(200);
  });
  expect(admin!.body.pagination.total).toBe(2);
  expect(countsOfArticles(adminStatements)).toHaveLength(1);
});
