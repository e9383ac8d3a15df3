'use strict';
/**
 * Bulk inserts for the archive data sets (up to 100,000 articles: far too many for the Document Service
 * within the time budget). Rows are written as Strapi 5 stores a published document: a draft row and a
 * published row with the same document_id, each linked to the section row of the same state. Only the
 * tables the archive reads are filled (sections, articles, articles_section_lnk); the slug registry and
 * search index of our plugins are not, since the archive does not read them. The schema itself is made
 * by the app (the server is started first); both apps get identical rows.
 */
const { SECTIONS } = require('./dataset');
const { pgClient } = require('./databases');

const toPersianDigits = (text) => String(text).replace(/[0-9]/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[digit]);

const ARTICLE_COLUMNS = [
  'document_id',
  'title',
  'slug',
  'news_code',
  'lead',
  'author',
  'reporter_code',
  'source',
  'published_on',
  'footer',
  'footer_line',
  'created_at',
  'updated_at',
  'published_at',
  'locale',
];
const SECTION_COLUMNS = [
  'document_id',
  'name',
  'slug',
  'description',
  'footer_mode',
  'created_at',
  'updated_at',
  'published_at',
  'locale',
];

/** The two rows (draft, published) of a generated archive article, as column → value with Date objects. */
const articleRows = (article, slug) => {
  const at = new Date(article.publishedOn);
  const base = {
    document_id: article.documentId,
    title: article.title,
    slug,
    news_code: article.index + 1,
    lead: article.lead,
    author: article.author,
    reporter_code: article.reporterCode,
    source: article.source,
    published_on: at,
    footer: 'انتهای پیام',
    footer_line: `انتهای پیام/ ${toPersianDigits(article.reporterCode)}`,
    created_at: at,
    updated_at: at,
    locale: 'fa',
  };
  return [
    { ...base, published_at: null },
    { ...base, published_at: at },
  ];
};

const sectionRows = (index, slugOf) => {
  const [key, name] = SECTIONS[index];
  const at = new Date('2011-03-20T20:30:00Z');
  const base = {
    document_id: `benchsection${String(index).padStart(12, '0')}`,
    name,
    slug: slugOf(name),
    description: `بخش ${name} (${key})`,
    footer_mode: 'inherit',
    created_at: at,
    updated_at: at,
    locale: 'fa',
  };
  return [
    { ...base, published_at: null },
    { ...base, published_at: at },
  ];
};

/** SQLite stores Strapi's datetimes as epoch milliseconds. */
const sqliteValue = (value) => (value instanceof Date ? value.getTime() : value);

const openSqlite = (file) => {
  const Database = require('better-sqlite3');
  const db = new Database(file);
  db.pragma('busy_timeout = 30000');
  const insert = (table, columns) =>
    db.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
    );
  return {
    async sections(slugOf) {
      const statement = insert('sections', SECTION_COLUMNS);
      const ids = [];
      db.transaction(() => {
        for (let index = 0; index < SECTIONS.length; index += 1) {
          const [draft, published] = sectionRows(index, slugOf).map((row) =>
            Number(
              statement.run(...SECTION_COLUMNS.map((column) => sqliteValue(row[column])))
                .lastInsertRowid
            )
          );
          ids.push({ draft, published });
        }
      })();
      return ids;
    },
    async articles(batch, sectionIds) {
      const statement = insert('articles', ARTICLE_COLUMNS);
      const link = insert('articles_section_lnk', ['article_id', 'section_id', 'article_ord']);
      db.transaction(() => {
        for (const { article, slug } of batch) {
          const section = sectionIds[article.sectionIndex];
          const [draft, published] = articleRows(article, slug).map((row) =>
            Number(
              statement.run(...ARTICLE_COLUMNS.map((column) => sqliteValue(row[column])))
                .lastInsertRowid
            )
          );
          link.run(draft, section.draft, article.index + 1);
          link.run(published, section.published, article.index + 1);
        }
      })();
    },
    async analyze() {},
    async close() {
      db.close();
    },
  };
};

/** PostgreSQL array types of the columns we write (INSERT … SELECT FROM unnest(…) takes one array per column). */
const PG_TYPES = {
  news_code: 'int[]',
  article_id: 'int[]',
  section_id: 'int[]',
  article_ord: 'float8[]',
  published_on: 'timestamptz[]',
  created_at: 'timestamptz[]',
  updated_at: 'timestamptz[]',
  published_at: 'timestamptz[]',
};

const openPostgres = async (url) => {
  const client = await pgClient(url);
  // One statement per table and batch: arrays per column through unnest, much faster than VALUES lists.
  const insertMany = async (table, columns, rows, returning) => {
    const arrays = columns.map((column) => rows.map((row) => row[column] ?? null));
    const casts = columns.map((column, index) => `$${index + 1}::${PG_TYPES[column] || 'text[]'}`);
    const sql =
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})` +
      `${returning ? ' RETURNING id' : ''}`;
    const result = await client.query(sql, arrays);
    return result.rows.map((row) => Number(row.id));
  };
  return {
    async sections(slugOf) {
      const ids = [];
      for (let index = 0; index < SECTIONS.length; index += 1) {
        const [draft, published] = await insertMany(
          'sections',
          SECTION_COLUMNS,
          sectionRows(index, slugOf),
          true
        );
        ids.push({ draft, published });
      }
      return ids;
    },
    async articles(batch, sectionIds) {
      await client.query('BEGIN');
      try {
        const rows = batch.flatMap(({ article, slug }) => articleRows(article, slug));
        // RETURNING gives the ids in the order of the rows inserted from unnest.
        const ids = await insertMany('articles', ARTICLE_COLUMNS, rows, true);
        const links = batch.flatMap(({ article }, index) => {
          const section = sectionIds[article.sectionIndex];
          return [
            {
              article_id: ids[index * 2],
              section_id: section.draft,
              article_ord: article.index + 1,
            },
            {
              article_id: ids[index * 2 + 1],
              section_id: section.published,
              article_ord: article.index + 1,
            },
          ];
        });
        await insertMany(
          'articles_section_lnk',
          ['article_id', 'section_id', 'article_ord'],
          links,
          false
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    /** Autovacuum would have analysed a table grown this much; do it now so plans match production. */
    async analyze() {
      await client.query('ANALYZE articles');
      await client.query('ANALYZE articles_section_lnk');
      await client.query('ANALYZE sections');
    },
    async close() {
      await client.end();
    },
  };
};

const openBulk = (database) =>
  database.engine === 'sqlite' ? openSqlite(database.file) : openPostgres(database.url);

module.exports = { openBulk };
