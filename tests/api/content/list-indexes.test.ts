import { bootApp, TestApp } from '../../harness/strapi';

/**
 * The lists' own indexes (src/bootstrap/list-indexes.ts): each state's rows of a localized collection type
 * with drafts have a partial index the list's count can read alone, and the admin's default sort (the
 * articles' title) one its first page can walk. The plans are asked with sequential scans priced out, as
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

test('articles, sections and officials have partial list indexes for drafts and published rows; articles one for the title', async () => {
  for (const table of ['articles', 'sections', 'officials']) {
    const indexes = await indexesOf(table);
    expect(indexes.get(`${table}_published_list_idx`)).toMatch(/published_at.*IS NOT NULL/i);
    expect(indexes.get(`${table}_draft_list_idx`)).toMatch(/published_at.*IS NULL/i);
  }
  expect((await indexesOf('articles')).get('articles_draft_title_list_idx')).toMatch(
    /locale.*title.*id.*published_at.*IS NULL/is
  );
});

test("the admin's count and title-sorted page, and the public list's count, are answered by those indexes", async () => {
  const count = await planOf(
    'SELECT count(id) FROM articles WHERE published_at IS NULL AND locale = ?',
    ['fa']
  );
  expect(count).toMatch(/articles_draft_(title_)?list_idx/);
  const page = await planOf(
    'SELECT * FROM articles WHERE published_at IS NULL AND locale = ? ORDER BY title ASC, id ASC LIMIT 10',
    ['fa']
  );
  expect(page).toMatch(/articles_draft_title_list_idx/);
  expect(page).not.toMatch(/TEMP B-TREE|Sort/);
  const published = await planOf(
    'SELECT count(id) FROM articles WHERE published_at IS NOT NULL AND locale = ?',
    ['fa']
  );
  expect(published).toMatch(/articles_published_list_idx|articles_published_on_jalali_idx/);
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
