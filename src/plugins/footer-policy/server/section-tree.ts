import type { Core } from '@strapi/strapi';
import { MAX_SECTION_DEPTH, SectionFooterPolicy } from '../core';
import type { FooterPolicyConfig } from './config';

/** The section tree is walked here only, to the core's one depth (a longer chain can only be a cycle). */

export type SectionRow = {
  id: number;
  documentId: string;
  mode: string | null;
  text: string | null;
  parent: number | null;
};
type Sections = FooterPolicyConfig['sections'];

const query = (
  strapi: Core.Strapi,
  sections: Sections,
  where: Record<string, unknown>
): Promise<SectionRow[]> =>
  strapi.db
    .query(sections.uid)
    .findMany({
      where,
      select: ['id', 'documentId', sections.mode, sections.text],
      populate: { [sections.parent]: { select: ['id'] } },
    })
    .then((rows: Array<Record<string, unknown>>) =>
      rows.map((row) => ({
        id: row.id as number,
        documentId: row.documentId as string,
        mode: (row[sections.mode] ?? null) as string | null,
        text: (row[sections.text] ?? null) as string | null,
        parent: (row[sections.parent] as { id: number } | null)?.id ?? null,
      }))
    );

/** Every section row (drafts and published, all locales), for work on the whole tree (a default changed). */
export const loadAllSections = async (
  strapi: Core.Strapi,
  sections: Sections
): Promise<Map<number, SectionRow>> =>
  new Map((await query(strapi, sections, {})).map((row) => [row.id, row]));

/** These section rows and their ancestors, a level a query: one article's save reads its chain, not the tree. */
export const loadSectionChains = async (
  strapi: Core.Strapi,
  sections: Sections,
  ids: ReadonlyArray<number>
): Promise<Map<number, SectionRow>> => {
  const found = new Map<number, SectionRow>();
  let wanted = [...new Set(ids)];
  for (let depth = 0; wanted.length && depth < MAX_SECTION_DEPTH; depth += 1) {
    const rows = await query(strapi, sections, { id: { $in: wanted } });
    for (const row of rows) found.set(row.id, row);
    wanted = [
      ...new Set(
        rows.flatMap((row) => (row.parent !== null && !found.has(row.parent) ? [row.parent] : []))
      ),
    ];
  }
  return found;
};

/** The draft chain of a section document in a locale (the admin's preview), a level a query. */
export const loadDraftChain = async (
  strapi: Core.Strapi,
  sections: Sections,
  documentId: string,
  locale?: string
): Promise<SectionFooterPolicy[]> => {
  const [start] = await query(strapi, sections, {
    documentId,
    publishedAt: null,
    ...(locale ? { locale } : {}),
  });
  return start ? chainOf(await loadSectionChains(strapi, sections, [start.id]), start.id) : [];
};

/** The policies from a section row up to its root, nearest first. */
export const chainOf = (
  sections: Map<number, SectionRow>,
  sectionId: number | null | undefined
): SectionFooterPolicy[] => {
  const chain: SectionFooterPolicy[] = [];
  for (
    let row = sectionId == null ? undefined : sections.get(sectionId);
    row && chain.length < MAX_SECTION_DEPTH;
    row = row.parent === null ? undefined : sections.get(row.parent)
  ) {
    chain.push({
      id: row.id,
      mode: (row.mode ?? 'inherit') as SectionFooterPolicy['mode'],
      text: row.text,
    });
  }
  return chain;
};

/** The rows of a section document and every row below them, from the whole tree. */
export const subtreeOf = (sections: Map<number, SectionRow>, documentId: string): number[] => {
  const children = new Map<number, number[]>();
  for (const row of sections.values())
    if (row.parent !== null)
      children.set(row.parent, [...(children.get(row.parent) ?? []), row.id]);
  const found = new Set(
    [...sections.values()].filter((row) => row.documentId === documentId).map((row) => row.id)
  );
  for (const id of found) for (const child of children.get(id) ?? []) found.add(child);
  return [...found];
};
