import type { Core } from '@strapi/strapi';
import type { RowNeeds } from '@pishkhan/save-pipeline';

type Row = {
  body?: Array<{ __component: string; official?: { id: number } | null }>;
  quotedOfficials?: Array<{ id: number }>;
};

const QUOTE = 'article.quote';

/**
 * The body with each quote's official, every other block as stored (the search index reads their text
 * from the same read), and the stored `quotedOfficials`.
 */
export const quotedOfficialsNeeds = (strapi: Core.Strapi, uid: string): RowNeeds => {
  const body = (
    (strapi.getModel(uid as never) as { attributes: unknown }).attributes as Record<
      string,
      { components?: string[] }
    >
  ).body;
  const on = Object.fromEntries(
    (body.components ?? []).map((component) => [
      component,
      component === QUOTE ? { populate: { official: { select: ['id'] } } } : true,
    ])
  );
  return { populate: { body: { on }, quotedOfficials: { select: ['id'] } } };
};

const officialsQuotedIn = (row: Row): number[] => [
  ...new Set(
    (row.body ?? [])
      .filter((block) => block.__component === QUOTE && block.official)
      .map((block) => block.official!.id)
  ),
];

const sameSet = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** `quotedOfficials` mirrors the officials of the quote components: the new value, or null when it already does. */
export const quotedOfficialsPatch = (
  row: Row | Record<string, unknown>
): { quotedOfficials: number[] } | null => {
  const wanted = officialsQuotedIn(row as Row);
  const current = ((row as Row).quotedOfficials ?? []).map((official) => official.id);
  return sameSet(wanted, current) ? null : { quotedOfficials: wanted };
};
