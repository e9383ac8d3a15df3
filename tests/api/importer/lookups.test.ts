/**
 * The importer's lookups of each batch stay on indexes however large the archive (issue #24,
 * bench/findings.md §12): slugs are asked by exact candidate from the registry's unique index (a
 * `LIKE 'base-%'` read every slug of the content type), a new link's place in its section's and its
 * officials' lists is the end of a range of the link-order index (a grouped maximum read every link of
 * the target), and on PostgreSQL a batch's stories are locked in one statement. The statements are those
 * a real batch runs, captured; their plans are asked with sequential scans priced out, as a table of a
 * million rows prices them.
 */
import { bootApp, TestApp } from '../../harness/strapi';
import { ArchiveImporter } from '../../../src/importer/importer';
import { ARTICLE, input, replaceLine, story } from './helpers';

type Captured = { sql: string; bindings: unknown[] };

let app: TestApp;
const isPostgres = () => app.strapi.db.config.connection.client === 'postgres';
const db = () => app.strapi.db.connection;

beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

/** The statements `work` runs (every knex statement of the app, transactions included). */
const capture = async (work: () => Promise<unknown>): Promise<Captured[]> => {
  const statements: Captured[] = [];
  const listen = (query: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  db().on('query', listen);
  try {
    await work();
  } finally {
    db().off('query', listen);
  }
  return statements;
};

const planOf = async ({ sql, bindings }: Captured): Promise<string> => {
  if (!isPostgres()) {
    const rows = (await db().raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as never)) as Array<{
      detail: string;
    }>;
    return rows.map((row) => row.detail).join('\n');
  }
  return db().transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    // The event gives PostgreSQL's $1, $2 …, in the order of the bindings.
    const result = await trx.raw(`EXPLAIN ${sql.replace(/\$\d+/g, '?')}`, bindings as never);
    return (result.rows as Array<{ 'QUERY PLAN': string }>)
      .map((row) => row['QUERY PLAN'])
      .join('\n');
  });
};

/** A story of the helpers' shape under another title (its own lead and date, so its own import key). */
const titled = (n: number, title: string) =>
  input(`${n}.txt`, replaceLine(story(n), 'تیتر خبر آزمایشی شماره', title));

const slugBase = (title: string) =>
  (
    app.strapi.plugin('persian-slug').service('new-documents') as {
      slugBase(uid: string, data: Record<string, unknown>): string | null;
    }
  ).slugBase(ARTICLE, { title })!;

test('slugs are asked by exact candidate from the unique index, past a base taken many times', async () => {
  const title = 'خبر پرتکرار بایگانی';
  const base = slugBase(title);
  // base, base-2 … base-13 taken by other documents: past the first two windows of candidates (4, then 8).
  await db()('persian_slugs').insert(
    Array.from({ length: 13 }, (_, at) => ({
      content_type: ARTICLE,
      locale: 'fa',
      slug: at === 0 ? base : `${base}-${at + 1}`,
      document_id: `taken${at}`,
      is_current: true,
      was_published: true,
    }))
  );
  // A registry of some size, analysed, so that PostgreSQL plans as for an archive rather than a handful of rows.
  // (SQLite takes at most 500 rows a statement.)
  for (let start = 0; start < 3000; start += 200)
    await db()('persian_slugs').insert(
      Array.from({ length: 200 }, (_, at) => ({
        content_type: ARTICLE,
        locale: 'fa',
        slug: `پر-کننده-${start + at}`,
        document_id: `filler${start + at}`,
        is_current: true,
        was_published: true,
      }))
    );
  if (isPostgres()) await db().raw('ANALYZE persian_slugs');
  const importer = await ArchiveImporter.open(app.strapi, { publish: true });
  let reports: Awaited<ReturnType<ArchiveImporter['importFiles']>> = [];
  const batch = await capture(async () => {
    reports = await importer.importFiles([titled(9101, title), titled(9102, title)]);
  });
  expect(reports.map((report) => report.ok && report.action)).toEqual(['created', 'created']);
  const slugsOf = async (documentIds: string[]) =>
    (
      await app.strapi.db.query(ARTICLE).findMany({
        where: { documentId: { $in: documentIds }, locale: 'fa', publishedAt: null },
        select: ['documentId', 'slug'],
      })
    )
      .map((row: { slug: string }) => row.slug)
      .sort();
  expect(await slugsOf(reports.map((report) => (report.ok ? report.documentId : '')))).toEqual([
    `${base}-14`,
    `${base}-15`,
  ]);

  let created = '';
  const single = await capture(async () => {
    created = (
      await app.strapi.documents(ARTICLE).create({ data: { title, lead: 'لید' } as never })
    ).documentId;
  });
  expect(await slugsOf([created])).toEqual([`${base}-16`]);

  // The reads of the registry by slug (others read a document's own rows, by its id).
  const reads = [...batch, ...single].filter(
    ({ sql }) =>
      /^select/i.test(sql) && /persian_slugs\b/.test(sql) && /[`"]slug[`"] (in|=|like)/i.test(sql)
  );
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.filter(({ sql }) => / like /i.test(sql))).toEqual([]);
  for (const read of reads) {
    const plan = await planOf(read);
    // The slug is a condition of the index, not a filter over every row of the content type.
    expect(plan).toMatch(/persian_slugs_unique_slug/);
    expect(plan).toMatch(isPostgres() ? /Index Cond: .*\(slug\)::text = / : /slug=\?/);
  }
});

test("a new link's place in its section's and its officials' lists is read from the link-order index", async () => {
  const knex = db();
  const indexes = isPostgres()
    ? (
        await knex.raw(
          'SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE indexname = ANY(?)',
          [
            [
              'articles_section_lnk_section_id_article_ord_idx',
              'articles_quoted_officials_lnk_official_id_article_ord_idx',
            ],
          ]
        )
      ).rows
    : await knex.raw(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ('articles_section_lnk_section_id_article_ord_idx', 'articles_quoted_officials_lnk_official_id_article_ord_idx')"
      );
  const sqlOf = new Map(
    (indexes as Array<{ name: string; sql: string }>).map((row) => [row.name, row.sql])
  );
  expect(sqlOf.get('articles_section_lnk_section_id_article_ord_idx')).toMatch(
    /section_id.*article_ord/s
  );
  expect(sqlOf.get('articles_quoted_officials_lnk_official_id_article_ord_idx')).toMatch(
    /official_id.*article_ord/s
  );

  // The demo's official «اصغر سلیمی» is quoted by name: the story links him.
  const quoting = (n: number) =>
    input(
      `${n}.txt`,
      story(n, { paragraphs: ['اصغر سلیمی در گفت و گو با خبرنگار ما گفت: این طرح ادامه دارد.'] })
    );
  const importer = await ArchiveImporter.open(app.strapi, {
    publish: true,
    section: 'دفاتر-پیشخوان',
  });
  const statements = await capture(() => importer.importFiles([quoting(9201), quoting(9202)]));
  const lastPlaces = statements.filter(({ sql }) =>
    /max\(.*(articles_section_lnk|articles_quoted_officials_lnk)/is.test(sql)
  );
  const tables = lastPlaces.map(({ sql }) =>
    /articles_section_lnk/.test(sql) ? 'section' : 'officials'
  );
  expect(new Set(tables)).toEqual(new Set(['section', 'officials']));
  expect(lastPlaces.filter(({ sql }) => /group by/i.test(sql))).toEqual([]);
  for (const read of lastPlaces)
    expect(await planOf(read)).toMatch(
      /articles_(section_lnk_section|quoted_officials_lnk_official)_id_article_ord_idx/
    );

  // The places themselves: each draft its own place in its section's list.
  const links = (await knex('articles_section_lnk')
    .join('articles', 'articles.id', 'articles_section_lnk.article_id')
    .select(
      'articles_section_lnk.section_id as section',
      'articles_section_lnk.article_ord as place'
    )
    .whereNull('articles.published_at')) as Array<{ section: number; place: number }>;
  const places = links.map((link) => `${link.section}:${Number(link.place)}`);
  expect(new Set(places).size).toBe(places.length);
});

test('a batch locks its stories in one statement (PostgreSQL; SQLite writes one transaction at a time)', async () => {
  const importer = await ArchiveImporter.open(app.strapi, { publish: false });
  const statements = await capture(() =>
    importer.importFiles(
      [story(9301), story(9302), story(9303)].map((text, at) => input(`${at}.txt`, text))
    )
  );
  const locks = statements.filter(({ sql }) => /pg_advisory_xact_lock/.test(sql));
  expect(locks).toHaveLength(isPostgres() ? 1 : 0);
});
