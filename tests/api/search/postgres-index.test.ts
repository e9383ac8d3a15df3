import { bootApp, TestApp } from '../../harness/strapi';
import { bootstrap } from '../../../src/plugins/persian-text/server/bootstrap';
import { getEngine } from '../../../src/plugins/persian-text/server/engine';
import type { IndexedArticle } from '../../../src/plugins/persian-text/server/search-engines';

/**
 * PostgreSQL's search index (search-engines/postgres.ts): words anywhere in an article are a stored vector
 * with a GIN index of the column, an index of the layout before it (a body vector, a GIN index on the
 * concatenation) is made into it in place at start, and the capped count of a common word stops at the
 * cap instead of reading every match into a bitmap. SQLite's engine (FTS5) has none of these to check.
 */
const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

let app: TestApp;
const knex = () => app.strapi.db.connection;

const search = (q: string, extra = '') =>
  app.http().get(`/api/search?q=${encodeURIComponent(q)}&locale=fa${extra}`);

/** The statements one search request ran, with their bindings. */
const statementsOf = async (q: string) => {
  const statements: Array<{ sql: string; bindings: unknown[] }> = [];
  const listen = (query: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: query.sql, bindings: [...(query.bindings ?? [])] });
  knex().on('query', listen);
  try {
    // A URL of its own: the response cache may hold the plain one.
    await search(q, '&pagination[page]=1').expect(200);
    return { statements };
  } finally {
    knex().off('query', listen);
  }
};

/**
 * The plan of a search's capped count (the first subquery of its first statement, before tier 0's page),
 * run as the search ran it: after the settings its read made (SET LOCAL), with its bindings.
 */
const countPlan = async (q: string): Promise<string> => {
  const { statements } = await statementsOf(q);
  const settings = statements.filter((statement) => /^SET LOCAL/i.test(statement.sql));
  const statement = statements.find((candidate) => /COUNT\(\*\)/.test(candidate.sql))!;
  expect(statement.sql).toMatch(/anywhere @@ q LIMIT/);
  return knex().transaction(async (trx) => {
    for (const setting of settings) await trx.raw(setting.sql);
    const { rows } = await trx.raw(
      // As the driver got it ($1, $2 … in order), back to knex's placeholders.
      `EXPLAIN (ANALYZE, COSTS OFF) ${statement.sql.replace(/\$\d+/g, '?')}`,
      statement.bindings
    );
    const plan = (rows as Array<{ 'QUERY PLAN': string }>)
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    return plan.slice(plan.indexOf('InitPlan 1'), plan.indexOf('InitPlan 2'));
  });
};

/** How PostgreSQL keeps `anywhere`: 'm' (main) in the row, 'x' (extended) in TOAST. */
const storageOfAnywhere = async () =>
  (
    await knex().raw(
      "SELECT attstorage FROM pg_attribute WHERE attrelid = 'persian_search'::regclass AND attname = 'anywhere'"
    )
  ).rows[0]?.attstorage;

const columnsOf = async (table: string) =>
  (
    (
      await knex().raw(
        'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY 1',
        [table]
      )
    ).rows as Array<{ name: string }>
  ).map((row) => row.name);

/** `count` stories, each with «همگانی» in its body (a word in every story) and one with «یگانه». */
const stories = (count: number): IndexedArticle[] =>
  Array.from({ length: count }, (_, index) => ({
    documentId: `bulkstory${String(index).padStart(6, '0')}`,
    locale: 'fa',
    sectionDocumentId: null,
    publishedOn: new Date(Date.UTC(2020, 0, 1) + index * 3600000).toISOString(),
    title: `خبر شماره ${index}`,
    slug: null,
    newsCode: null,
    heading: `خبر شماره ${index}`,
    lead: 'لید این خبر',
    body: `متن خبر ${index} با واژه‌ی همگانی${index === 1234 ? ' و یگانه' : ''} در میان ${'جمله‌ای دیگر '.repeat(40)}`,
  }));

onPostgres('PostgreSQL search index', () => {
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('words anywhere are a column of their own with a GIN index of the column, no body vector', async () => {
    const columns = await columnsOf('persian_search');
    expect(columns).toContain('anywhere');
    expect(columns).not.toContain('body');
    expect(await storageOfAnywhere()).toBe('m');
    const {
      rows: [index],
    } = await knex().raw(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'persian_search_anywhere_gin'"
    );
    expect(index.indexdef).toMatch(/USING gin \(anywhere\)/);
  });

  it("keeps each GIN index's pending list small, and restores it after a rebuild or an earlier version's setting", async () => {
    const settings = async () =>
      (
        await knex().raw(
          "SELECT relname AS name, reloptions AS options FROM pg_class WHERE relname LIKE 'persian_search_%_gin' ORDER BY relname"
        )
      ).rows.map((row: { name: string; options: string[] }) => [row.name, [...row.options].sort()]);
    const small = ['fastupdate=on', 'gin_pending_list_limit=512'];
    const expected = [
      ['persian_search_anywhere_gin', small],
      ['persian_search_heading_gin', small],
      ['persian_search_lead_gin', small],
    ];
    expect(await settings()).toEqual(expected);
    // An earlier version had no list; a rebuild that stopped half-way left a large one.
    await knex().raw('ALTER INDEX persian_search_heading_gin SET (fastupdate = off)');
    await knex().raw('ALTER INDEX persian_search_lead_gin RESET (gin_pending_list_limit)');
    await knex().raw('ALTER INDEX persian_search_anywhere_gin SET (gin_pending_list_limit = 4096)');
    expect(await getEngine(app.strapi).ensure()).toBe('ready');
    expect(await settings()).toEqual(expected);
    // A rebuild: a large list while it inserts, merged and small again at its end.
    const engine = getEngine(app.strapi);
    await engine.clear();
    expect((await settings())[0][1]).toEqual(['fastupdate=on', 'gin_pending_list_limit=4096']);
    await engine.append(stories(50));
    await engine.optimize();
    expect(await settings()).toEqual(expected);
    await knex().raw('CREATE EXTENSION IF NOT EXISTS pgstattuple');
    const {
      rows: [{ pending }],
    } = await knex().raw(
      "SELECT pending_pages AS pending FROM pgstatginindex('persian_search_anywhere_gin')"
    );
    expect(pending).toBe(0);
    await engine.clear();
    await engine.optimize();
  });

  it('the capped count of a common word stops at the cap; a rare word is counted from the GIN index', async () => {
    const engine = getEngine(app.strapi);
    const rows = stories(3000);
    for (let start = 0; start < rows.length; start += 500)
      await engine.append(rows.slice(start, start + 500));
    await engine.optimize();

    expect((await search('همگانی').expect(200)).body.meta.pagination).toMatchObject({
      total: 1000,
      totalExact: false,
    });
    const plan = await countPlan('همگانی');
    // Walked a b-tree and stopped at the cap's 1,001st match, not every match read into a bitmap first.
    expect(plan).toMatch(
      /Index Scan using persian_search_\w+ on persian_search \(actual [^)]* rows=1001 /
    );
    expect(plan).not.toMatch(/Bitmap Index Scan on persian_search_anywhere_gin/);
    expect(plan).not.toMatch(/\|\|/);

    const rare = (await search('یگانه').expect(200)).body;
    expect(rare.meta.pagination).toMatchObject({ total: 1, totalExact: true });
    expect(rare.data).toMatchObject([{ title: 'خبر شماره 1234', matchedIn: 'body' }]);
    const rarePlan = await countPlan('یگانه');
    expect(rarePlan).toMatch(/Bitmap Index Scan on persian_search_anywhere_gin/);
  });

  it('an index of the layout with a body vector is made into this one in place when the app starts', async () => {
    await knex().raw('DROP TABLE persian_search CASCADE');
    // The previous version's layout, as it made it.
    await knex().raw(`CREATE TABLE persian_search (
      id SERIAL PRIMARY KEY, document_id TEXT NOT NULL, locale TEXT NOT NULL, section_document_id TEXT,
      published_on TIMESTAMPTZ, heading TSVECTOR NOT NULL, lead TSVECTOR NOT NULL, body TSVECTOR NOT NULL,
      UNIQUE (document_id, locale))`);
    await knex().raw(
      'CREATE INDEX persian_search_anywhere_gin ON persian_search USING GIN ((heading || lead || body)) WITH (fastupdate = off)'
    );
    await knex().raw('DELETE FROM persian_search_texts');
    // A row no article has: kept by a migration in place, lost by a rebuild from the articles.
    const {
      rows: [{ id }],
    } = await knex().raw(
      `INSERT INTO persian_search (document_id, locale, published_on, heading, lead, body)
       VALUES ('oldlayoutrow', 'fa', '2024-01-01T00:00:00Z', to_tsvector('simple', 'خبر کهنه'),
         to_tsvector('simple', 'لید کهنه'), to_tsvector('simple', 'متن مهاجرت کرده')) RETURNING id`
    );
    await knex().raw(
      `INSERT INTO persian_search_texts (id, title, heading_text, lead_text, body_text)
       VALUES (?, 'خبر کهنه', 'خبر کهنه', 'لید کهنه', 'متن مهاجرت کرده')`,
      [id]
    );

    await bootstrap({ strapi: app.strapi });
    expect(await columnsOf('persian_search')).toEqual([
      'anywhere',
      'document_id',
      'heading',
      'id',
      'lead',
      'locale',
      'published_on',
      'section_document_id',
    ]);
    const res = await search('مهاجرت').expect(200);
    expect(res.body.data).toMatchObject([
      { documentId: 'oldlayoutrow', title: 'خبر کهنه', matchedIn: 'body' },
    ]);
    // Words of the title match anywhere too (the title's tier first), as the concatenation did.
    expect((await search('کهنه').expect(200)).body.data).toMatchObject([{ matchedIn: 'title' }]);
    expect(await storageOfAnywhere()).toBe('m');
    expect(await getEngine(app.strapi).ensure()).toBe('ready');
    const {
      rows: [index],
    } = await knex().raw(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'persian_search_anywhere_gin'"
    );
    expect(index.indexdef).toMatch(/USING gin \(anywhere\)/);
  });
});
