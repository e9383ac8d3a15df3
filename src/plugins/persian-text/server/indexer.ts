import type { Core } from '@strapi/strapi';
import type { RowNeeds } from '@pishkhan/save-pipeline';
import type { IndexedArticle } from './search-engines';
import { SearchConfig, textConfig } from './config';
import { getEngine } from './engine';

/** What of a row the index reads, by the configured names. */
export const indexNeeds = (search: SearchConfig): Required<RowNeeds> => ({
  fields: [
    'documentId',
    'locale',
    search.title,
    search.lead,
    search.publishedOn,
    ...[search.slug, search.newsCode, search.kicker].flatMap((field) => field ?? []),
  ],
  populate: { [search.section.relation]: { select: ['documentId'] }, [search.body.field]: true },
});

type Row = Record<string, unknown> & { documentId: string; locale: string };
const textOf = (value: unknown) => (typeof value === 'string' ? value : null);

/** A published row, as the read above gives it, as the index holds it. */
export const toIndexed = (search: SearchConfig, row: Row): IndexedArticle => {
  const publishedOn = row[search.publishedOn] as string | Date | null;
  const title = textOf(row[search.title]) ?? '';
  return {
    documentId: row.documentId,
    locale: row.locale,
    sectionDocumentId:
      (row[search.section.relation] as { documentId: string } | null)?.documentId ?? null,
    publishedOn: publishedOn ? new Date(publishedOn).toISOString() : null,
    title,
    slug: search.slug ? textOf(row[search.slug]) : null,
    newsCode: search.newsCode ? ((row[search.newsCode] as number | null) ?? null) : null,
    heading: [search.kicker ? textOf(row[search.kicker]) : null, title].filter(Boolean).join('\n'),
    lead: textOf(row[search.lead]) ?? '',
    body: ((row[search.body.field] ?? []) as Array<Record<string, unknown>>)
      .map((block) => textOf(block[search.body.text]) ?? '')
      .filter(Boolean)
      .join('\n'),
  };
};

const publishedRows = (
  strapi: Core.Strapi,
  search: SearchConfig,
  where: Record<string, unknown>,
  page: { limit?: number; offset?: number } = {}
) =>
  strapi.db.query(search.uid).findMany({
    where: { ...where, publishedAt: { $notNull: true } },
    select: ['id', ...indexNeeds(search).fields],
    populate: indexNeeds(search).populate,
    orderBy: { id: 'asc' },
    ...page,
  }) as Promise<Row[]>;

/** New published rows (the importer's batch path), shaped as the read above gives them. */
export const appendToIndex = async (
  strapi: Core.Strapi,
  rows: ReadonlyArray<Row>
): Promise<void> => {
  const { search } = textConfig(strapi);
  if (search) await getEngine(strapi).append(rows.map((row) => toIndexed(search, row)));
};

/**
 * `npm run search:rebuild`: the whole index again from the indexed table, a batch of published rows at
 * a time, each row appended once (one statement a batch on PostgreSQL): an archive of 100,000 stories is
 * rebuilt in a minute or two, not hours. Batches follow the id (after the last one read) rather than an
 * offset, which the database would walk from the start on every batch: a million stories made that
 * quadratic.
 */
export const rebuildIndex = async (strapi: Core.Strapi, batchSize = 500): Promise<number> => {
  const { search } = textConfig(strapi);
  const engine = getEngine(strapi);
  await engine.clear();
  if (!search) return 0;
  const documents = new Set<string>();
  for (let after = 0; ; ) {
    const rows = await publishedRows(strapi, search, { id: { $gt: after } }, { limit: batchSize });
    if (!rows.length) {
      await engine.optimize();
      return documents.size;
    }
    for (const row of rows) documents.add(row.documentId);
    after = rows[rows.length - 1].id as number;
    await engine.append(rows.map((row) => toIndexed(search, row)));
  }
};
