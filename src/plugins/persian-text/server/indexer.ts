import type { Core } from '@strapi/strapi';
import type { IndexedArticle } from './search-engines';
import { getEngine } from './engine';

/** The content type the search index holds. */
export const INDEXED = 'api::article.article';

/** What of a row the index reads. */
export const INDEX_NEEDS = {
  fields: ['documentId', 'locale', 'title', 'slug', 'newsCode', 'kicker', 'lead', 'publishedOn'],
  populate: { section: { select: ['documentId'] }, body: true },
};

/** A published article row as the index reads it. */
export type IndexSource = {
  documentId: string; locale: string; title: string; slug: string | null; newsCode: number | null;
  kicker: string | null; lead: string | null;
  publishedOn: string | Date | null; section: { documentId: string } | null;
  body?: Array<{ text?: unknown }>;
};

export const toIndexed = (row: IndexSource): IndexedArticle => ({
  documentId: row.documentId,
  locale: row.locale,
  sectionDocumentId: row.section?.documentId ?? null,
  publishedOn: row.publishedOn ? new Date(row.publishedOn).toISOString() : null,
  title: row.title,
  slug: row.slug,
  newsCode: row.newsCode,
  heading: [row.kicker, row.title].filter(Boolean).join('\n'),
  lead: row.lead ?? '',
  body: (row.body ?? []).map((block) => (typeof block.text === 'string' ? block.text : '')).filter(Boolean).join('\n'),
});

const publishedRows = (strapi: Core.Strapi, where: Record<string, unknown>, page: { limit?: number; offset?: number } = {}) =>
  strapi.db.query(INDEXED).findMany({
    where: { ...where, publishedAt: { $notNull: true } },
    select: INDEX_NEEDS.fields,
    populate: INDEX_NEEDS.populate,
    orderBy: { id: 'asc' },
    ...page,
  }) as Promise<IndexSource[]>;

/**
 * `npm run search:rebuild`: the whole index again from the articles table, a batch of published rows at
 * a time, each row appended once (one statement a batch on PostgreSQL): an archive of 100,000 stories is
 * rebuilt in a minute or two, not hours.
 */
export const rebuildIndex = async (strapi: Core.Strapi, batchSize = 500): Promise<number> => {
  const engine = getEngine(strapi);
  await engine.clear();
  const documents = new Set<string>();
  for (let offset = 0; ; offset += batchSize) {
    const rows = await publishedRows(strapi, {}, { limit: batchSize, offset });
    if (!rows.length) {
      await engine.optimize();
      return documents.size;
    }
    for (const row of rows) documents.add(row.documentId);
    await engine.append(rows.map(toIndexed));
  }
};
