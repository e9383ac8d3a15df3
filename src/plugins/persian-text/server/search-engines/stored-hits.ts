import type { SearchPage, Tier } from './types';

/** What both engines store of a hit, by the same column names. */
export interface StoredHit {
  document_id: string;
  locale: string;
  section_document_id: string | null;
  published_on: Date | string | null;
  title: string;
  slug: string | null;
  news_code: number | null;
  heading_text: string;
  lead_text: string;
  body_text: string;
}

/** The page's hits in the page's order, from its rows read by key; a row deleted since the page was read is left out. */
export const hitsInOrder = <Key>(
  page: Array<{ row: Key; tier: Tier }>,
  rows: Map<Key, StoredHit>
): SearchPage['hits'] =>
  page.flatMap(({ row: key, tier }) => {
    const row = rows.get(key);
    return row
      ? [
          {
            documentId: row.document_id,
            locale: row.locale,
            sectionDocumentId: row.section_document_id,
            publishedOn: row.published_on ? new Date(row.published_on).toISOString() : null,
            title: row.title,
            slug: row.slug,
            newsCode: row.news_code,
            heading: row.heading_text,
            lead: row.lead_text,
            body: row.body_text,
            tier,
          },
        ]
      : [];
  });
