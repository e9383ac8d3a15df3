import type { Core } from '@strapi/strapi';
import { indexKey, SearchQuery } from '../../core';
import { answeredTotal, cappedTotal } from './capped-total';
import { hitsInOrder, StoredHit } from './stored-hits';
import { tieredPage } from './tiered-page';
import type { IndexedArticle, SearchEngine, SearchOptions, SearchPage, Tier } from './types';

type Knex = Core.Strapi['db']['connection'];

const FTS = 'persian_search_fts';
const DOCS = 'persian_search_docs';

const quote = (words: ReadonlyArray<string>) => `"${words.join(' ')}"`;

/** An FTS5 expression of quoted words only: what a reader typed can never be read as FTS syntax. */
const fts5Expression = (query: SearchQuery): string =>
  [...query.terms.map((term) => quote([term])), ...query.phrases.map(quote)].join(' AND ');

/**
 * Rowids follow publication time (2^20 of them a second), so FTS5's own rowid order is "newest first"
 * and a date range is a rowid range: a page is read by walking a match backwards and stopping, with no
 * join or sort over every match. Undated rows sort before 1833 (oldest).
 */
const SLOTS_PER_SECOND = 2 ** 20;
const UNDATED_SECOND = -(2 ** 32);
const rowidSlot = (instant: Date | null): number =>
  (instant ? Math.floor(instant.getTime() / 1000) : UNDATED_SECOND) * SLOTS_PER_SECOND;

/**
 * Filters are tokens of a `tags` column: `_` is a token character there and never one of a search word
 * (search words are letters and digits), so a tag cannot match what a reader typed, nor the reverse.
 */
const tag = (kind: 'l' | 's', value: string) =>
  `_${kind}_${value.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
const tagsOf = (row: IndexedArticle) =>
  [tag('l', row.locale), ...(row.sectionDocumentId ? [tag('s', row.sectionDocumentId)] : [])].join(
    ' '
  );

/** Each table's columns, sorted, as this version creates them. */
const LAYOUT = {
  fts: 'body,heading,lead,tags',
  docs: 'body_text,document_id,heading_text,lead_text,locale,news_code,published_on,rowid,section_document_id,slug,title',
};

type Row = StoredHit & { rowid: number };

export const sqliteEngine = (strapi: Core.Strapi): SearchEngine => {
  const knex = () => strapi.db.connection;

  /** The last rowid taken in each of these slots (one statement for a batch's slots). */
  const lastInSlots = async (trx: Knex, slots: number[]): Promise<Map<number, number>> => {
    const found: Array<{ slot: number; last: number | null }> = await trx.raw(
      slots
        .map(
          () => `SELECT ? AS slot, MAX(rowid) AS last FROM ${DOCS} WHERE rowid >= ? AND rowid < ?`
        )
        .join(' UNION ALL '),
      slots.flatMap((slot) => [slot, slot, slot + SLOTS_PER_SECOND])
    );
    return new Map(
      found.filter((row) => row.last !== null).map((row) => [Number(row.slot), Number(row.last)])
    );
  };

  // A hundred rows a statement (SQLite allows 500 terms in a UNION and 32,766 bound values), in rowid
  // order: FTS5 writes its pending terms out as a segment whenever a rowid goes backwards.
  const insert = async (trx: Knex, unordered: IndexedArticle[]) => {
    const slotOf = (row: IndexedArticle) =>
      rowidSlot(row.publishedOn ? new Date(row.publishedOn) : null);
    const rows = [...unordered].sort((a, b) => slotOf(a) - slotOf(b));
    for (let start = 0; start < rows.length; start += 100) {
      const batch = rows.slice(start, start + 100);
      const slots = batch.map(slotOf);
      const last = await lastInSlots(trx, [...new Set(slots)]);
      const rowids = slots.map((slot) => {
        const rowid = last.has(slot) ? last.get(slot)! + 1 : slot;
        if (rowid >= slot + SLOTS_PER_SECOND)
          throw new Error(
            `search index: more than ${SLOTS_PER_SECOND} articles published in one second`
          );
        last.set(slot, rowid);
        return rowid;
      });
      await trx(DOCS).insert(
        batch.map((row, index) => ({
          rowid: rowids[index],
          document_id: row.documentId,
          locale: row.locale,
          section_document_id: row.sectionDocumentId,
          published_on: row.publishedOn,
          title: row.title,
          slug: row.slug,
          news_code: row.newsCode,
          heading_text: row.heading,
          lead_text: row.lead,
          body_text: row.body,
        }))
      );
      await trx.raw(
        `INSERT INTO ${FTS} (rowid, heading, lead, body, tags) VALUES ${batch.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        batch.flatMap((row, index) => [
          rowids[index],
          indexKey(row.heading),
          indexKey(row.lead),
          indexKey(row.body),
          tagsOf(row),
        ])
      );
    }
  };

  /** Rows of a match, counted up to `upTo` when given. */
  const count = async (
    match: string,
    range: string,
    bindings: unknown[],
    upTo?: number
  ): Promise<number> => {
    const rows = `SELECT 1 FROM ${FTS} WHERE ${FTS} MATCH ?${range}${upTo === undefined ? '' : ' LIMIT ?'}`;
    const [{ total }] = await knex().raw(`SELECT COUNT(*) AS total FROM (${rows})`, [
      match,
      ...bindings,
      ...(upTo === undefined ? [] : [upTo]),
    ]);
    return Number(total);
  };

  return {
    async ensure() {
      // An index of another layout (an earlier version's), or half of one, is dropped and rebuilt by the caller.
      const columnsOf = async (table: string) => {
        const columns: Array<{ name: string }> = await knex().raw(`PRAGMA table_info(${table})`);
        return columns
          .map((column) => column.name)
          .sort()
          .join(',');
      };
      const [fts, docs] = [await columnsOf(FTS), await columnsOf(DOCS)];
      const stale = (fts !== '' || docs !== '') && (fts !== LAYOUT.fts || docs !== LAYOUT.docs);
      if (stale) {
        await knex().raw(`DROP TABLE IF EXISTS ${FTS}`);
        await knex().raw(`DROP TABLE IF EXISTS ${DOCS}`);
      }
      await knex().raw(
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(heading, lead, body, tags, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'")`
      );
      await knex().raw(`CREATE TABLE IF NOT EXISTS ${DOCS} (
        rowid INTEGER PRIMARY KEY, document_id TEXT NOT NULL, locale TEXT NOT NULL,
        section_document_id TEXT, published_on TEXT, title TEXT, slug TEXT, news_code INTEGER,
        heading_text TEXT, lead_text TEXT, body_text TEXT, UNIQUE (document_id, locale))`);
      await knex().raw(`CREATE INDEX IF NOT EXISTS ${DOCS}_locale ON ${DOCS} (locale)`);
      return stale ? 'rebuild' : 'ready';
    },

    async replace(documentId, rows) {
      await strapi.db.transaction(async ({ trx }) => {
        const old = await trx(DOCS).select('rowid').where({ document_id: documentId });
        for (const { rowid } of old) await trx.raw(`DELETE FROM ${FTS} WHERE rowid = ?`, [rowid]);
        await trx(DOCS).where({ document_id: documentId }).delete();
        await insert(trx, rows);
      });
    },

    async append(rows) {
      await strapi.db.transaction(async ({ trx }) => {
        await insert(trx, rows);
      });
    },

    async clear() {
      await knex().raw(`DELETE FROM ${FTS}`);
      await knex()(DOCS).delete();
    },

    async optimize() {
      // One b-tree per column instead of a segment per batch the rebuild wrote.
      await knex().raw(`INSERT INTO ${FTS} (${FTS}) VALUES ('optimize')`);
    },

    async search(query: SearchQuery, options: SearchOptions): Promise<SearchPage> {
      if (options.sections?.length === 0) return { total: 0, totalExact: true, hits: [] };
      const match = fts5Expression(query);
      // A tag filter costs a walk over every row that carries it: the locale's is left out when the index
      // holds no other locale.
      const [otherLocale] = await knex().raw(
        `SELECT 1 FROM ${DOCS} WHERE locale < ? OR locale > ? LIMIT 1`,
        [options.locale, options.locale]
      );
      const filters = [
        ...(otherLocale ? [`"${tag('l', options.locale)}"`] : []),
        ...(options.sections
          ? [`(${options.sections.map((id) => `"${tag('s', id)}"`).join(' OR ')})`]
          : []),
      ];
      const within = (expression: string) => [...filters, `(${expression})`].join(' AND ');
      const heading = `{heading} : (${match})`;
      const lead = `{lead} : (${match})`;
      const tiers: Record<Tier, string> = {
        0: within(heading),
        1: within(`(${lead}) NOT (${heading})`),
        2: within(`(${match}) NOT (${heading}) NOT (${lead})`),
      };
      const rangeSql = `${options.from ? ' AND rowid >= ?' : ''}${options.to ? ' AND rowid < ?' : ''}`;
      const range = [
        ...(options.from ? [rowidSlot(options.from)] : []),
        ...(options.to ? [rowidSlot(options.to)] : []),
      ];

      const capped = cappedTotal(
        await count(within(match), rangeSql, range, options.exactTotalUpTo + 1),
        options.exactTotalUpTo
      );
      const page = await tieredPage<number>(
        {
          page: async (tier, limit, offset) => {
            const rows: Array<{ rowid: number }> = await knex().raw(
              `SELECT rowid FROM ${FTS} WHERE ${FTS} MATCH ?${rangeSql} ORDER BY rowid DESC LIMIT ? OFFSET ?`,
              [tiers[tier], ...range, limit, offset]
            );
            return rows.map((row) => row.rowid);
          },
          count: (tier) => count(tiers[tier], rangeSql, range),
        },
        options.limit,
        options.offset,
        { total: capped.totalExact ? capped.total : undefined }
      );
      const total = answeredTotal(capped, options.offset, page.length);
      if (page.length === 0) return { ...total, hits: [] };

      const rows: Row[] = await knex().raw(
        `SELECT rowid, * FROM ${DOCS} WHERE rowid IN (${page.map(() => '?').join(', ')})`,
        page.map((hit) => hit.row)
      );
      return { ...total, hits: hitsInOrder(page, new Map(rows.map((row) => [row.rowid, row]))) };
    },
  };
};
