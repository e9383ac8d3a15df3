import type { Core } from '@strapi/strapi';
import { indexKey, SearchQuery } from '../../core';
import { answeredTotal, cappedTotal } from './capped-total';
import { hitsInOrder, StoredHit } from './stored-hits';
import { tieredPage } from './tiered-page';
import type { IndexedArticle, SearchEngine, SearchOptions, SearchPage, Tier } from './types';

type Knex = Core.Strapi['db']['connection'];

/** What a match is decided on, without the texts, so a count over many matches reads fewer pages. */
const TABLE = 'persian_search';
/** The texts as written and what a hit shows, read only for the page's hits. */
const TEXTS = 'persian_search_texts';

/** A tsquery of our own words only (letters and digits): nothing a reader typed is read as tsquery syntax. */
const tsqueryExpression = (query: SearchQuery): string =>
  [...query.terms, ...query.phrases.map((words) => `(${words.join(' <-> ')})`)].join(' & ');

/**
 * Words anywhere in the article (title and kicker, lead and body together, as `heading || lead || body`),
 * stored as a vector of its own with a GIN index on the column. It replaced an index on that concatenation:
 * every row a count visited was concatenated anew (three vectors merged, the body's read from TOAST), and
 * the planner had no statistics of the column, so it could not tell a word in nine stories of ten from a
 * rare one. The body has no vector of its own: nothing matches the body alone.
 */
const ANYWHERE = 'anywhere';
/**
 * Kept in the row (STORAGE MAIN), not in TOAST: a count that walks newest first matches each row's vector,
 * and reading one from TOAST (an index lookup and two chunks; these vectors hardly compress) cost ~9 µs a
 * row against under 1 µs in the row (1,157 rows: 10.8 ms → 0.85 ms at 100,000 stories). The table is
 * wider for it (68 → 288 MiB at 100,000, TOAST 252 → 82 MiB): a vector too large for a page still goes to
 * TOAST.
 */
const IN_ROW = `ALTER COLUMN ${ANYWHERE} SET STORAGE MAIN`;
/**
 * The ranked order's tiers as disjoint conditions. The title and lead have vectors (and statistics) of
 * their own, so the planner knows how common a word is in titles when it chooses between walking the
 * newest-first index and reading the GIN index.
 */
const TIER_MATCH: Record<Tier, string> = {
  0: 'heading @@ q',
  1: 'lead @@ q AND NOT heading @@ q',
  2: `${ANYWHERE} @@ q AND NOT heading @@ q AND NOT lead @@ q`,
};
/**
 * The GIN indexes, with GIN's pending list kept small. Every search reads the whole list, unsorted: at
 * the default limit (4 MB) a rebuild of 100,000 articles left ~470 pages in it, which tripled the time of
 * reading the index (5.3 ms against 1.9 for a common word). Without a list, though, each row's words go
 * into the index one by one: 100 stories a batch cost 60 ms of an import's time against 19 ms with a
 * 512 kB list merged whenever it fills (1,000 stories 600 → 188 ms at 100,000 stories, the last merge
 * included), and a list of ~28 pages added 0.15 ms to a rare word's search (0.15 → 0.30 ms).
 */
const GIN_INDEXES: Array<[string, string]> = [
  [`${TABLE}_heading_gin`, 'heading'],
  [`${TABLE}_lead_gin`, 'lead'],
  [`${TABLE}_anywhere_gin`, ANYWHERE],
];
const PENDING_LIST = ['fastupdate=on', 'gin_pending_list_limit=512'];
/** A rebuild's rows wait in a list of the default size, merged once at the end (49 s → 28 s at 100,000). */
const REBUILD_PENDING_LIST = ['fastupdate=on', 'gin_pending_list_limit=4096'];
/** Each table's columns, sorted, as this version creates them. */
const LAYOUT: Record<string, string> = {
  [TABLE]: 'anywhere,document_id,heading,id,lead,locale,published_on,section_document_id',
  [TEXTS]: 'body_text,heading_text,id,lead_text,news_code,slug,title',
};
/**
 * The layout before `anywhere` (a `body` vector, and a GIN index on the concatenation): made into this one
 * in place at start, in one pass of the database over the table, not rebuilt from the articles (a rebuild
 * reads every article and its body blocks again: minutes at a million stories).
 */
const BODY_LAYOUT = 'body,document_id,heading,id,lead,locale,published_on,section_document_id';
/** Below this many rows a tier is sorted from the GIN index's matches rather than walked newest first. */
const SORT_BELOW = 2000;

type Row = StoredHit & { id: number };

export const postgresEngine = (strapi: Core.Strapi): SearchEngine => {
  const knex = () => strapi.db.connection;
  const vector = "to_tsvector('simple', ?)";
  const values =
    '(?::text, ?::text, ?::text, ?::timestamptz, ?::text, ?::text, ?::integer, ?::text, ?::text, ?::text, ' +
    `${vector}, ${vector}, ${vector})`;

  /** One statement for all the rows (a rebuild inserts 500 at a time). */
  const insert = async (trx: Knex, rows: IndexedArticle[]) => {
    if (rows.length === 0) return;
    await trx.raw(
      `WITH input (document_id, locale, section_document_id, published_on, title, slug, news_code, heading_text, lead_text, body_text, heading, lead, body) AS (
         VALUES ${rows.map(() => values).join(', ')}
       ), stored AS (
         INSERT INTO ${TABLE} (document_id, locale, section_document_id, published_on, heading, lead, anywhere)
         SELECT document_id, locale, section_document_id, published_on, heading, lead, heading || lead || body FROM input
         RETURNING id, document_id, locale
       )
       INSERT INTO ${TEXTS} (id, title, slug, news_code, heading_text, lead_text, body_text)
       SELECT stored.id, input.title, input.slug, input.news_code, input.heading_text, input.lead_text, input.body_text
       FROM stored JOIN input USING (document_id, locale)`,
      rows.flatMap((row) => {
        const [heading, lead, body] = [
          indexKey(row.heading),
          indexKey(row.lead),
          indexKey(row.body),
        ];
        return [
          row.documentId,
          row.locale,
          row.sectionDocumentId,
          row.publishedOn,
          row.title,
          row.slug,
          row.newsCode,
          row.heading,
          row.lead,
          row.body,
          heading,
          lead,
          body,
        ];
      })
    );
  };

  return {
    async ensure() {
      // Two instances starting together on one database take turns here.
      return strapi.db.transaction(async ({ trx }) => {
        await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('${TABLE}'))`);
        // An index of another layout (an earlier version's), or half of one, is dropped and rebuilt.
        const { rows: columns } = (await trx.raw(
          `SELECT table_name AS name, column_name AS column FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name IN (?, ?)`,
          [TABLE, TEXTS]
        )) as { rows: Array<{ name: string; column: string }> };
        const found = new Map<string, string>();
        for (const name of [TABLE, TEXTS]) {
          const names = columns
            .filter((row) => row.name === name)
            .map((row) => row.column)
            .sort();
          if (names.length > 0) found.set(name, names.join(','));
        }
        const migrate = found.get(TABLE) === BODY_LAYOUT && found.get(TEXTS) === LAYOUT[TEXTS];
        if (migrate) {
          // The old index is on the concatenation of the column being replaced: dropped, not rebuilt twice.
          await trx.raw(`DROP INDEX IF EXISTS ${TABLE}_anywhere_gin`);
          // A change of type with USING rewrites the table once, into fresh pages (no dead rows left).
          await trx.raw(
            `ALTER TABLE ${TABLE} ALTER COLUMN body SET STORAGE MAIN, ALTER COLUMN body TYPE TSVECTOR USING heading || lead || body`
          );
          await trx.raw(`ALTER TABLE ${TABLE} RENAME COLUMN body TO ${ANYWHERE}`);
        }
        const stale =
          !migrate &&
          found.size > 0 &&
          (found.get(TABLE) !== LAYOUT[TABLE] || found.get(TEXTS) !== LAYOUT[TEXTS]);
        if (stale) {
          await trx.raw(`DROP TABLE IF EXISTS ${TEXTS}`);
          await trx.raw(`DROP TABLE IF EXISTS ${TABLE}`);
        }
        if (stale || !found.has(TABLE)) {
          await trx.raw(`CREATE TABLE ${TABLE} (
            id SERIAL PRIMARY KEY, document_id TEXT NOT NULL, locale TEXT NOT NULL, section_document_id TEXT,
            published_on TIMESTAMPTZ, heading TSVECTOR NOT NULL, lead TSVECTOR NOT NULL, anywhere TSVECTOR NOT NULL,
            UNIQUE (document_id, locale))`);
          await trx.raw(`ALTER TABLE ${TABLE} ${IN_ROW}`);
        }
        await trx.raw(`CREATE TABLE IF NOT EXISTS ${TEXTS} (
          id INTEGER PRIMARY KEY REFERENCES ${TABLE} (id) ON DELETE CASCADE, title TEXT, slug TEXT, news_code INTEGER,
          heading_text TEXT, lead_text TEXT, body_text TEXT)`);
        for (const [name, expression] of GIN_INDEXES) {
          await trx.raw(
            `CREATE INDEX IF NOT EXISTS ${name} ON ${TABLE} USING GIN (${expression}) WITH (${PENDING_LIST})`
          );
        }
        // An earlier version's index (no list) or a rebuild that stopped half-way (a large one).
        const { rows: other } = (await trx.raw(
          `SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = ANY(?) AND NOT COALESCE(reloptions, '{}') @> ?::text[]`,
          [GIN_INDEXES.map(([name]) => name), PENDING_LIST]
        )) as { rows: Array<{ name: string }> };
        for (const { name } of other) await trx.raw(`ALTER INDEX ${name} SET (${PENDING_LIST})`);
        // The ranked order's own index: a tier's page of a common word walks it newest first and stops.
        await trx.raw(
          `CREATE INDEX IF NOT EXISTS ${TABLE}_newest ON ${TABLE} (locale, published_on DESC NULLS LAST, id DESC)`
        );
        // The planner's statistics of the new column (how common each word is) before the first search.
        if (migrate) await trx.raw(`ANALYZE ${TABLE}`);
        return stale ? 'rebuild' : 'ready';
      });
    },

    async replace(documentId, rows) {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(TABLE).where({ document_id: documentId }).delete();
        await insert(trx, rows);
      });
    },

    async append(rows) {
      await strapi.db.transaction(async ({ trx }) => {
        await insert(trx, rows);
      });
    },

    async clear() {
      // Emptied, not deleted row by row: the dead rows would double the pages a count reads until a vacuum.
      await knex().raw(`TRUNCATE ${TEXTS}, ${TABLE}`);
      for (const [name] of GIN_INDEXES)
        await knex().raw(`ALTER INDEX ${name} SET (${REBUILD_PENDING_LIST})`);
    },

    async optimize() {
      for (const [name] of GIN_INDEXES) {
        await knex().raw(`ALTER INDEX ${name} SET (${PENDING_LIST})`);
        await knex().raw('SELECT gin_clean_pending_list(?::regclass)', [name]);
      }
      // The planner's choice between walking newest first and the GIN index rests on these statistics.
      await knex().raw(`ANALYZE ${TABLE}, ${TEXTS}`);
    },

    async search(query: SearchQuery, options: SearchOptions): Promise<SearchPage> {
      const tsquery = tsqueryExpression(query);
      const narrowing: string[] = [];
      const bindings: unknown[] = [options.locale];
      if (options.sections) {
        narrowing.push('section_document_id = ANY(?)');
        bindings.push(options.sections);
      }
      if (options.from) {
        narrowing.push('published_on >= ?');
        bindings.push(options.from.toISOString());
      }
      if (options.to) {
        narrowing.push('published_on < ?');
        bindings.push(options.to.toISOString());
      }
      const fromWhere = (localeTest: string) =>
        `${TABLE}, to_tsquery('simple', ?) q WHERE ${[localeTest, ...narrowing].join(' AND ')}`;
      const from = fromWhere('locale = ?');
      // A tier's whole count must come from a GIN index: offered the locale's b-tree, PostgreSQL matches every
      // row of the locale instead (22 ms at 10,000 articles, against 3), so its locale test is one no b-tree
      // serves.
      const countFrom = fromWhere("locale || '' = ?");
      // A small tier's order is written as an expression no index holds, so it is sorted from its GIN matches.
      const tierPage = (tier: Tier, size?: number) =>
        `SELECT id FROM ${from} AND ${TIER_MATCH[tier]} ORDER BY ` +
        `${size !== undefined && size < SORT_BELOW ? "COALESCE(published_on, '-infinity') DESC" : 'published_on DESC NULLS LAST'}, id DESC LIMIT ? OFFSET ?`;
      const ids = (rows: Array<{ id: number }>) => rows.map((row) => row.id);

      // The planner prices matching a vector like comparing two numbers, and reads the whole table to count
      // a common word (43 ms at 100,000 articles, against 18 through the GIN index) or to sort a tier of a
      // small archive: within this read, it may not. It also prices each row of a walk newest first as a
      // read from disk, four times a sequential one, while a search's index and rows are in memory: at
      // the default it read a word in half the stories into a bitmap of 49,926 (27 ms at 100,000 stories)
      // rather than walk 2,000 rows (7 ms).
      const { capped, page, rows } = await knex().transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off; SET LOCAL random_page_cost = 1.1');
        // The (capped) total and tier 0's page in one statement: on a common word that is the whole search.
        // The capped count is offered the newest-first index: for a word the column's statistics call
        // common it walks it and stops at the cap (a GIN index cannot stop: it reads every match into a
        // bitmap first, 864,457 of a million stories for «نماینده»); for a rare one it reads the GIN index.
        const {
          rows: [first],
        } = await trx.raw(
          `SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM ${from} AND ${ANYWHERE} @@ q LIMIT ?) matches) AS total, ARRAY(${tierPage(0)}) AS tier0`,
          [
            tsquery,
            ...bindings,
            options.exactTotalUpTo + 1,
            tsquery,
            ...bindings,
            options.limit,
            options.offset,
          ]
        );
        const capped = cappedTotal(Number(first.total), options.exactTotalUpTo);
        const page = await tieredPage<number>(
          {
            page: async (tier, limit, offset, size) =>
              ids(
                (await trx.raw(tierPage(tier, size), [tsquery, ...bindings, limit, offset])).rows
              ),
            count: async (tier) => {
              const {
                rows: [{ count }],
              } = await trx.raw(
                `SELECT COUNT(*) AS count FROM ${countFrom} AND ${TIER_MATCH[tier]}`,
                [tsquery, ...bindings]
              );
              return Number(count);
            },
          },
          options.limit,
          options.offset,
          { total: capped.totalExact ? capped.total : undefined, tier0: first.tier0 as number[] }
        );
        if (page.length === 0) return { capped, page, rows: [] as Row[] };
        const { rows } = (await trx.raw(
          `SELECT s.id, s.document_id, s.locale, s.section_document_id, s.published_on,
             t.title, t.slug, t.news_code, t.heading_text, t.lead_text, t.body_text
           FROM ${TABLE} s JOIN ${TEXTS} t ON t.id = s.id WHERE s.id = ANY(?)`,
          [page.map((hit) => hit.row)]
        )) as { rows: Row[] };
        return { capped, page, rows };
      });
      return {
        ...answeredTotal(capped, options.offset, page.length),
        hits: hitsInOrder(page, new Map(rows.map((row) => [row.id, row]))),
      };
    },
  };
};
