import type { Core } from '@strapi/strapi';
import { MAX_SECTION_DEPTH } from '../core';

/** The section tree is walked here only, to the core's one depth (a longer chain can only be a cycle). */

export type SectionRow = { id: number; documentId: string; footerMode: string | null; footerText: string | null; parent: { id: number } | null };

const SELECT = ['id', 'documentId', 'footerMode', 'footerText'];

/** Every section row (drafts and published, all locales), for work on the whole tree (a default changed). */
export const loadAllSections = async (strapi: Core.Strapi, uid: string): Promise<Map<number, SectionRow>> => {
  const rows: SectionRow[] = await strapi.db.query(uid).findMany({ select: SELECT, populate: { parent: { select: ['id'] } } });
  return new Map(rows.map((row) => [row.id, row]));
};

/** These section rows and their ancestors, a level a query: one article's save reads its chain, not the tree. */
export const loadSectionChains = async (strapi: Core.Strapi, uid: string, ids: ReadonlyArray<number>): Promise<Map<number, SectionRow>> => {
  const found = new Map<number, SectionRow>();
  let wanted = [...new Set(ids)];
  for (let depth = 0; wanted.length && depth < MAX_SECTION_DEPTH; depth += 1) {
    const rows: SectionRow[] = await strapi.db.query(uid).findMany({ where: { id: { $in: wanted } }, select: SELECT, populate: { parent: { select: ['id'] } } });
    for (const row of rows) found.set(row.id, row);
    wanted = [...new Set(rows.flatMap((row) => (row.parent && !found.has(row.parent.id) ? [row.parent.id] : [])))];
  }
  return found;
};

/** The chain from a section row up to its root, nearest first. */
export const chainOf = (sections: Map<number, SectionRow>, sectionId: number | undefined): SectionRow[] => {
  const chain: SectionRow[] = [];
  for (let row = sectionId === undefined ? undefined : sections.get(sectionId); row && chain.length < MAX_SECTION_DEPTH; row = row.parent ? sections.get(row.parent.id) : undefined) {
    chain.push(row);
  }
  return chain;
};

/** The rows of a section document and every row below them, from the whole tree. */
export const subtreeOf = (sections: Map<number, SectionRow>, documentId: string): number[] => {
  const children = new Map<number, number[]>();
  for (const row of sections.values()) if (row.parent) children.set(row.parent.id, [...(children.get(row.parent.id) ?? []), row.id]);
  const found = new Set([...sections.values()].filter((row) => row.documentId === documentId).map((row) => row.id));
  for (const id of found) for (const child of children.get(id) ?? []) found.add(child);
  return [...found];
};
