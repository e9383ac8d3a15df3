'use strict';
/**
 * Bulk inserts for the archive data sets (up to a million articles: far too many for the Document Service
 * within the time budget). Rows are written as Strapi 5 stores a published document: a draft row and a
 * published row with the same document_id, each linked to the section row of the same state. The archive
 * and search scenarios fill only the tables they read (sections, articles, articles_section_lnk); the scale
 * data set (PostgreSQL, `stories`) writes the seed story's whole shape: officials, the body's components
 * and their links, quoted officials, and in our app the slug registry, the news codes and the search index
 * (as the app's rebuild writes it, with the app's own indexKey). The schema itself is made by the app (the
 * server is started first), with our app's list-count triggers, which count every row inserted here (a
 * statement at a time on PostgreSQL); both apps get identical rows.
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
    document_id: sectionDocumentId(index),
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

const STORY_TABLES = [
  'articles',
  'articles_section_lnk',
  'articles_quoted_officials_lnk',
  'articles_cmps',
  'components_article_paragraphs',
  'components_article_subheadings',
  'components_article_quotes',
  'components_article_quotes_official_lnk',
  'persian_slugs',
  'persian_slug_news_codes',
  'persian_search',
  'persian_search_texts',
];

const sectionDocumentId = (index) => `benchsection${String(index).padStart(12, '0')}`;

/** PostgreSQL array types of the columns we write (INSERT … SELECT FROM unnest(…) takes one array per column). */
const PG_TYPES = {
  id: 'int[]',
  entity_id: 'int[]',
  cmp_id: 'int[]',
  quote_id: 'int[]',
  official_id: 'int[]',
  official_ord: 'float8[]',
  order: 'float8[]',
  code: 'int[]',
  is_current: 'bool[]',
  was_published: 'bool[]',
  aliases: 'jsonb[]',
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
  // The next free id of each table `stories` writes (read once: while loading, nothing else writes).
  let next = null;
  const dropped = [];
  const nextIds = async () => {
    const out = {};
    for (const table of STORY_TABLES) {
      const column = table === 'persian_slug_news_codes' ? 'code' : 'id';
      const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
      if (!rows[0].present) continue;
      const max = await client.query(`SELECT COALESCE(MAX("${column}"), 0) AS max FROM "${table}"`);
      out[table] = Number(max.rows[0].max) + 1;
    }
    return out;
  };
  // The search vectors are made by the database from the app's keys, as the app's own insert does: the
  // heading's, the lead's, and `anywhere` (all three together, heading || lead || body).
  const insertSearch = (list) => {
    const columns = Object.keys(list[0]);
    const arrays = columns.map((column) => list.map((row) => row[column] ?? null));
    const casts = columns.map((column, index) => `$${index + 1}::${PG_TYPES[column] || 'text[]'}`);
    const vector = (column) => `to_tsvector('simple', ${column})`;
    const stored = columns.filter((column) => column !== 'body').concat('anywhere');
    const select = stored.map((column) =>
      column === 'anywhere'
        ? ['heading', 'lead', 'body'].map(vector).join(' || ')
        : ['heading', 'lead'].includes(column)
          ? vector(column)
          : column
    );
    return client.query(
      `INSERT INTO persian_search (${stored.join(', ')}) SELECT ${select.join(', ')} FROM unnest(${casts.join(', ')}) AS input (${columns.join(', ')})`,
      arrays
    );
  };
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
    /** The officials of the full shape (archiveOfficials()); returns their ids, { draft, published } each. */
    async officials(list) {
      const at = new Date('2011-03-20T20:30:00Z');
      const rows = list.flatMap((official) =>
        [null, at].map((publishedAt) => ({
          document_id: official.documentId,
          full_name: official.fullName,
          slug: `official-${official.index + 1}`,
          aliases: JSON.stringify(official.aliases),
          role: official.role,
          organization: official.organization,
          bio: official.bio,
          created_at: at,
          updated_at: at,
          published_at: publishedAt,
          locale: 'fa',
        }))
      );
      const ids = await insertMany('officials', Object.keys(rows[0]), rows, true);
      return list.map((_, index) => ({ draft: ids[index * 2], published: ids[index * 2 + 1] }));
    },
    /**
     * Articles of the full shape (archiveArticles({ officials })), with explicit ids (the tables are
     * ours alone while loading; `finish` moves the sequences past them). `registry`: our app's tables too,
     * with `indexKey` the app's own search key.
     */
    async stories(batch, { sectionIds, officialIds, indexKey = null }) {
      next ??= await nextIds();
      const take = (table) => {
        next[table] += 1;
        return next[table] - 1;
      };
      const rows = {};
      const add = (table, row) => (rows[table] ??= []).push(row);
      for (const { article, slug } of batch) {
        const versions = articleRows(article, slug);
        versions.forEach((row, state) => {
          const id = take('articles');
          add('articles', {
            ...row,
            id,
            kicker: article.kicker,
            source_url: article.sourceUrl,
          });
          const which = state === 0 ? 'draft' : 'published';
          add('articles_section_lnk', {
            id: take('articles_section_lnk'),
            article_id: id,
            section_id: sectionIds[article.sectionIndex][which],
            article_ord: article.index + 1,
          });
          article.officialIndexes.forEach((official, order) =>
            add('articles_quoted_officials_lnk', {
              id: take('articles_quoted_officials_lnk'),
              article_id: id,
              official_id: officialIds[official][which],
              official_ord: order + 1,
              article_ord: article.index + 1,
            })
          );
          article.body.forEach((block, order) => {
            const table = `components_article_${block.type}s`;
            const cmp = take(table);
            add(table, {
              id: cmp,
              text: block.text,
              ...(block.type === 'quote' ? { role: block.role } : {}),
            });
            if (block.type === 'quote')
              add('components_article_quotes_official_lnk', {
                id: take('components_article_quotes_official_lnk'),
                quote_id: cmp,
                official_id: officialIds[Number(block.officialKey.split('-')[1]) - 1][which],
              });
            add('articles_cmps', {
              id: take('articles_cmps'),
              entity_id: id,
              cmp_id: cmp,
              component_type: `article.${block.type}`,
              field: 'body',
              order: order + 1,
            });
          });
        });
        if (indexKey) {
          const at = new Date(article.publishedOn);
          add('persian_slugs', {
            id: take('persian_slugs'),
            content_type: 'api::article.article',
            locale: 'fa',
            slug,
            document_id: article.documentId,
            is_current: true,
            was_published: true,
            created_at: at,
          });
          add('persian_slug_news_codes', {
            code: article.index + 1,
            content_type: 'api::article.article',
            document_id: article.documentId,
            created_at: at,
          });
          const heading = [article.kicker, article.title].filter(Boolean).join('\n');
          const body = article.body.map((block) => block.text).join('\n');
          const id = take('persian_search');
          add('persian_search', {
            id,
            document_id: article.documentId,
            locale: 'fa',
            section_document_id: sectionDocumentId(article.sectionIndex),
            published_on: at,
            heading: indexKey(heading),
            lead: indexKey(article.lead),
            body: indexKey(body),
          });
          add('persian_search_texts', {
            id,
            title: article.title,
            slug,
            news_code: article.index + 1,
            heading_text: heading,
            lead_text: article.lead,
            body_text: body,
          });
        }
      }
      await client.query('BEGIN');
      try {
        for (const [table, list] of Object.entries(rows)) {
          if (table === 'persian_search') await insertSearch(list);
          else await insertMany(table, Object.keys(list[0]), list, false);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    /**
     * Before `stories` into a fresh database: the indexes no constraint needs are dropped (kept in
     * `dropped`) and made again by `finish` in one pass each, far faster than a million inserts into
     * each (the search index's GIN indexes take no pending list: every row would go into the tree).
     */
    async dropIndexes() {
      const { rows } = await client.query(
        `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
         WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
        [STORY_TABLES]
      );
      for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
      dropped.push(...rows);
    },
    /** After `stories`: the dropped indexes again, every sequence past the ids written, every table analysed. */
    async finish() {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (const row of dropped.splice(0)) await client.query(row.definition);
      for (const table of Object.keys(next ?? (await nextIds()))) {
        const column = table === 'persian_slug_news_codes' ? 'code' : 'id';
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), (SELECT COALESCE(MAX("${column}"), 0) + 1 FROM "${table}"), false)`,
          [table, column]
        );
      }
      // Autovacuum would have vacuumed and analysed tables grown this much (the visibility map lets
      // counts read an index only); do it now so plans match production.
      await client.query('VACUUM (ANALYZE)');
    },
    /**
     * The story tables Strapi itself reads (not our registry and index), copied from `fromUrl` (the
     * same schema, filled by `stories`) in PostgreSQL's binary COPY format: the second app's rows are
     * the first's, written at the speed of a copy rather than inserted again.
     */
    async copyStoriesFrom(fromUrl) {
      const { execFileSync } = require('child_process');
      for (const table of STORY_TABLES.filter((name) => !name.startsWith('persian_'))) {
        const { rows } = await client.query(
          `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS columns
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
          [table]
        );
        const columns = rows[0].columns;
        execFileSync(
          'bash',
          [
            '-o',
            'pipefail',
            '-c',
            'psql "$FROM" -Xqc "COPY $TABLE ($COLUMNS) TO STDOUT (FORMAT binary)" | psql "$TO" -Xqc "COPY $TABLE ($COLUMNS) FROM STDIN (FORMAT binary)"',
          ],
          {
            env: { ...process.env, FROM: fromUrl, TO: url, TABLE: table, COLUMNS: columns },
            stdio: ['ignore', 'ignore', 'pipe'],
          }
        );
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
