import { bootApp, TestApp } from '../../harness/strapi';

/**
 * The lists' own indexes (src/bootstrap/list-indexes.ts): the published articles newest first (the public
 * list, its count, a month's range) and the drafts by the admin's default sort (its page and count). The plans are asked with sequential scans priced out, as
 * a table of a million rows prices them: what is checked is that the index answers these queries.
 */
let app: TestApp;
let jwt: string;
const ARTICLE = 'api::article.article';

const isPostgres = () => app.strapi.db.config.connection.client === 'postgres';

const indexesOf = async (table: string): Promise<Map<string, string>> => {
  const knex = app.strapi.db.connection;
  const rows = isPostgres()
    ? ((
        await knex.raw(
          'SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = ?',
          [table]
        )
      ).rows as Array<{ name: string; sql: string }>)
    : ((await knex.raw(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
        [table]
      )) as Array<{ name: string; sql: string | null }>);
  return new Map(rows.map((row) => [row.name, row.sql ?? '']));
};

/** The plan of `sql` as one text, with sequential scans priced out on PostgreSQL. */
const planOf = async (sql: string, bindings: unknown[]): Promise<string> => {
  const knex = app.strapi.db.connection;
  if (!isPostgres()) {
    const rows = (await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as Array<{
      detail: string;
    }>;
    return rows.map((row) => row.detail).join('\n');
  }
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    const result = await trx.raw(`EXPLAIN ${sql}`, bindings);
    return (result.rows as Array<{ 'QUERY PLAN': string }>)
      .map((row) => row['QUERY PLAN'])
      .join('\n');
  });
};

beforeAll(async () => {
  app = await bootApp();
  const credentials = { email: 'lists@example.com', password: 'Lists-Pass-1234' };
  await app
    .http()
    .post('/admin/register-admin')
    .send({ firstname: 'List', lastname: 'Editor', ...credentials })
    .expect(200);
  jwt = `Bearer ${(await app.http().post('/admin/login').send(credentials).expect(200)).body.data.token}`;
  const documents = app.strapi.documents(ARTICLE);
  for (const title of ['ب خبر دوم', 'الف خبر اول', 'پ خبر سوم'])
    await documents.create({ locale: 'fa', data: { title, lead: 'لید' } });
});
afterAll(async () => {
  await app?.close();
});

test('articles have a partial index of the published rows newest first and one of the drafts by title', async () => {
  const indexes = await indexesOf('articles');
  expect(indexes.get('articles_published_newest_idx')).toMatch(
    /locale.*published_on.*DESC.*id.*published_at.*IS NOT NULL/is
  );
  expect(indexes.get('articles_draft_title_list_idx')).toMatch(
    /locale.*title.*id.*published_at.*IS NULL/is
  );
});

test("the admin's count and title-sorted page, and the public list's count and newest-first page, are answered by those indexes", async () => {
  const adminCount = await planOf(
    'SELECT count(id) FROM articles WHERE published_at IS NULL AND locale = ?',
    ['fa']
  );
  expect(adminCount).toMatch(/articles_draft_title_list_idx/);
  const adminPage = await planOf(
    'SELECT * FROM articles WHERE published_at IS NULL AND locale = ? ORDER BY title ASC, id ASC LIMIT 10',
    ['fa']
  );
  expect(adminPage).toMatch(/articles_draft_title_list_idx/);
  expect(adminPage).not.toMatch(/TEMP B-TREE|Sort/);
  const publicCount = await planOf(
    'SELECT count(id) FROM articles WHERE published_at IS NOT NULL AND locale = ?',
    ['fa']
  );
  expect(publicCount).toMatch(/articles_published_newest_idx|articles_published_on_jalali_idx/);
  const newest = await planOf(
    'SELECT * FROM articles WHERE published_at IS NOT NULL AND locale = ? ORDER BY published_on DESC, id ASC LIMIT 25 OFFSET 50',
    ['fa']
  );
  expect(newest).toMatch(/articles_published_newest_idx/);
  expect(newest).not.toMatch(/TEMP B-TREE|Sort/);
});

test('a month of the archive is still read as a range of an index, not a walk of every published row', async () => {
  const month = await planOf(
    'SELECT * FROM articles WHERE published_at IS NOT NULL AND locale = ? AND published_on >= ? AND published_on < ? ORDER BY published_on DESC, id ASC LIMIT 25',
    isPostgres()
      ? ['fa', '2017-10-22T20:30:00Z', '2017-11-21T20:30:00Z']
      : ['fa', Date.parse('2017-10-22T20:30:00Z'), Date.parse('2017-11-21T20:30:00Z')]
  );
  expect(month).toMatch(/articles_published_newest_idx|articles_published_on_jalali_idx/);
  expect(month).toMatch(/published_on ?>/);
  expect(month).not.toMatch(/SCAN t0|SCAN articles|Seq Scan/);
});

test("the admin's list sorted by title still lists every draft in order, with its count", async () => {
  const res = await app
    .http()
    .get(
      `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&sort=title:ASC&plugins[i18n][locale]=fa`
    )
    .set('Authorization', jwt)
    .expect(200);
  const titles = (res.body.results as Array<{ title: string }>).map((row) => row.title);
  const ours = titles.filter((title) => / خبر /.test(title));
  expect(ours).toEqual(['الف خبر اول', 'ب خبر دوم', 'پ خبر سوم']);
  expect(res.body.pagination.total).toBe(
    await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: null, locale: 'fa' } })
  );
});
