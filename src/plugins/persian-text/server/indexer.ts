import type { Core } from '@strapi/strapi';
import type { IndexedArticle } from './search-engines';
import { getEngine } from './engine';

const ARTICLE = 'api::article.article';

type ArticleRow = {
  documentId: string; locale: string; title: string; kicker: string | null; lead: string | null;
  publishedOn: string | Date | null; section: { documentId: string } | null;
  body?: Array<{ text?: unknown }>;
};

const toIndexed = (row: ArticleRow): IndexedArticle => ({
  documentId: row.documentId,
  locale: row.locale,
  sectionDocumentId: row.section?.documentId ?? null,
  publishedOn: row.publishedOn ? new Date(row.publishedOn).toISOString() : null,
  heading: [row.kicker, row.title].filter(Boolean).join('\n'),
  lead: row.lead ?? '',
  body: (row.body ?? []).map((block) => (typeof block.text === 'string' ? block.text : '')).filter(Boolean).join('\n'),
});

const publishedRows = (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
  page: { limit?: number; offset?: number } = {},
  orderBy: Array<Record<string, 'asc'>> = [{ id: 'asc' }],
) =>
  strapi.db.query(ARTICLE).findMany({
    where: { ...where, publishedAt: { $notNull: true } },
    select: ['documentId', 'locale', 'title', 'kicker', 'lead', 'publishedOn'],
    populate: { section: { select: ['documentId'] }, body: true },
    orderBy,
    ...page,
  }) as Promise<ArticleRow[]>;

/** The index holds exactly the published versions of each article, one per locale. */
export const reindexDocument = async (strapi: Core.Strapi, documentId: string): Promise<void> => {
  const rows = await publishedRows(strapi, { documentId });
  await getEngine(strapi).replace(documentId, rows.map(toIndexed));
};

/**
 * `npm run search:rebuild`: the whole index again from the articles table. Published rows are read a
 * batch at a time, populated, in document order so that every locale of a document is in one batch
 * (a document may straddle two batches: it is then simply written once more, whole). One transaction a
 * batch: an archive of 100,000 stories is rebuilt in a few minutes, not hours.
 */
export const rebuildIndex = async (strapi: Core.Strapi, batchSize = 500): Promise<number> => {
  const engine = getEngine(strapi);
  await engine.clear();
  const documents = new Set<string>();
  for (let offset = 0; ; offset += batchSize) {
    const rows = await publishedRows(strapi, {}, { limit: batchSize, offset }, [{ documentId: 'asc' }, { id: 'asc' }]);
    if (!rows.length) return documents.size;
    const byDocument = new Map<string, IndexedArticle[]>();
    for (const row of rows) {
      documents.add(row.documentId);
      byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), toIndexed(row)]);
    }
    // The first document of a batch may have begun in the one before: index it from all its rows.
    const [first] = byDocument.keys();
    if (offset > 0) byDocument.set(first, (await publishedRows(strapi, { documentId: first })).map(toIndexed));
    await strapi.db.transaction(async () => {
      for (const [documentId, indexed] of byDocument) await engine.replace(documentId, indexed);
    });
  }
};
