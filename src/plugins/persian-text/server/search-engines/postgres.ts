import type { Core } from '@strapi/strapi';
import { indexKey, SearchQuery } from '../../core';
import type { IndexedArticle, SearchEngine, SearchOptions, SearchPage, Tier } from './types';

type Knex = Core.Strapi['db']['connection'];

const TABLE = 'persian_search';

/** A tsquery of our own words only (letters and digits): nothing a reader typed is read as tsquery syntax. */
export const tsqueryExpression = (query: SearchQuery): string =>
  [...query.terms, ...query.phrases.map((words) => `(${words.join(' <-> ')})`)].join(' & ');

type Row = {
  document_id: string; locale: string; section_document_id: string | null; published_on: Date | string | null;
  heading_text: string; lead_text: string; body_text: string; tier: number;
};

export const postgresEngine = (strapi: Core.Strapi): SearchEngine => {
  const knex = () => strapi.db.connection;
  const vector = "to_tsvector('simple', ?)";
  const columns = '(?, ?, ?, ?, ?, ?, ?, ' + `${vector}, ${vector}, ${vector}, ` +
    `setweight(${vector}, 'A') || setweight(${vector}, 'B') || setweight(${vector}, 'C'))`;

  /** One statement for all the rows (a rebuild inserts 500 at a time). */
  const insert = async (trx: Knex, rows: IndexedArticle[]) => {
    if (rows.length === 0) return;
    await trx.raw(
      `INSERT INTO ${TABLE} (document_id, locale, section_document_id, published_on, heading_text, lead_text, body_text, heading, lead, body, document)
       VALUES ${rows.map(() => columns).join(', ')}`,
      rows.flatMap((row) => {
        const keys = [indexKey(row.heading), indexKey(row.lead), indexKey(row.body)];
        return [row.documentId, row.locale, row.sectionDocumentId, row.publishedOn, row.heading, row.lead, row.body, ...keys, ...keys];
      }),
    );
  };

  return {
    async ensure() {
      await knex().raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (
        id SERIAL PRIMARY KEY, document_id TEXT NOT NULL, locale TEXT NOT NULL, section_document_id TEXT,
        published_on TIMESTAMPTZ, heading_text TEXT, lead_text TEXT, body_text TEXT,
        heading TSVECTOR, lead TSVECTOR, body TSVECTOR, document TSVECTOR,
        UNIQUE (document_id, locale))`);
      await knex().raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_document_gin ON ${TABLE} USING GIN (document)`);
      await knex().raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_filter ON ${TABLE} (locale, published_on)`);
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
      await knex()(TABLE).delete();
    },

    async search(query: SearchQuery, options: SearchOptions): Promise<SearchPage> {
      const filters: string[] = ['document @@ q', 'locale = ?'];
      const bindings: unknown[] = [options.locale];
      if (options.sections) {
        filters.push(`section_document_id = ANY(?)`);
        bindings.push(options.sections);
      }
      if (options.from) { filters.push('published_on >= ?'); bindings.push(options.from.toISOString()); }
      if (options.to) { filters.push('published_on < ?'); bindings.push(options.to.toISOString()); }
      const from = `${TABLE}, to_tsquery('simple', ?) q WHERE ${filters.join(' AND ')}`;
      const tsquery = tsqueryExpression(query);

      const { rows: [{ total }] } = await knex().raw(`SELECT COUNT(*) AS total FROM ${from}`, [tsquery, ...bindings]);
      const { rows } = (await knex().raw(
        `SELECT *, CASE WHEN heading @@ q THEN 0 WHEN lead @@ q THEN 1 ELSE 2 END AS tier FROM ${from}
         ORDER BY tier, published_on DESC NULLS LAST LIMIT ? OFFSET ?`,
        [tsquery, ...bindings, options.limit, options.offset],
      )) as { rows: Row[] };
      return {
        total: Number(total),
        hits: rows.map((row) => ({
          documentId: row.document_id, locale: row.locale, sectionDocumentId: row.section_document_id,
          publishedOn: row.published_on ? new Date(row.published_on).toISOString() : null,
          heading: row.heading_text, lead: row.lead_text, body: row.body_text, tier: row.tier as Tier,
        })),
      };
    },
  };
};
