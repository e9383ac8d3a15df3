import type { Core } from '@strapi/strapi';

const UID = 'api::article.article';

type Row = {
  id: number;
  body?: Array<{ __component: string; official?: { id: number } | null }>;
  quotedOfficials?: Array<{ id: number }>;
};

const officialsQuotedIn = (row: Row): number[] => [
  ...new Set(
    (row.body ?? [])
      .filter((block) => block.__component === 'article.quote' && block.official)
      .map((block) => block.official!.id),
  ),
];

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * `quotedOfficials` mirrors the officials of the quote components. It is recomputed per stored row
 * (each draft and published version, each locale) after a write, because the admin sends relation
 * changes as connect/disconnect deltas that cannot be read from the request alone. Writes go through
 * the query engine so no document middleware runs again. Returns the new `updatedAt` of each row rewritten.
 */
export const syncQuotedOfficials = async (strapi: Core.Strapi, documentId: string): Promise<Map<number, unknown>> => {
  const rows: Row[] = await strapi.db.query(UID).findMany({
    where: { documentId },
    select: ['id'],
    populate: {
      body: { on: { 'article.quote': { populate: { official: { select: ['id'] } } } } },
      quotedOfficials: { select: ['id'] },
    },
  });
  const rewritten = new Map<number, unknown>();
  for (const row of rows) {
    const wanted = officialsQuotedIn(row);
    const current = (row.quotedOfficials ?? []).map((official) => official.id);
    if (!sameSet(wanted, current)) {
      const { updatedAt } = await strapi.db.query(UID).update({ where: { id: row.id }, data: { quotedOfficials: wanted }, select: ['updatedAt'] });
      rewritten.set(row.id, updatedAt);
    }
  }
  return rewritten;
};
