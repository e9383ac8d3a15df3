import type { Core } from '@strapi/strapi';
import { footerLine, resolveFooter, FooterDefaults, SectionFooterPolicy } from '../core';

export const footerDefaults = (strapi: Core.Strapi): FooterDefaults => strapi.config.get('plugin::footer-policy') as FooterDefaults;

const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';

type SectionRow = { id: number; footerMode: SectionFooterPolicy['mode'] | null; footerText: string | null; parent: { id: number } | null };
type ArticleRow = { id: number; reporterCode: string | null; footer: string | null; footerLine: string | null; section: { id: number } | null };

/** Every section row (drafts and published, all locales): the trees are small, one query serves a batch. */
const loadSections = async (strapi: Core.Strapi): Promise<Map<number, SectionRow>> => {
  const rows: SectionRow[] = await strapi.db.query(SECTION).findMany({
    select: ['id', 'footerMode', 'footerText'],
    populate: { parent: { select: ['id'] } },
  });
  return new Map(rows.map((row) => [row.id, row]));
};

const chainOf = (sections: Map<number, SectionRow>, sectionId: number | undefined): SectionFooterPolicy[] => {
  const chain: SectionFooterPolicy[] = [];
  for (let row = sectionId === undefined ? undefined : sections.get(sectionId); row && chain.length < 32; row = row.parent ? sections.get(row.parent.id) : undefined) {
    chain.push({ id: row.id, mode: row.footerMode ?? 'inherit', text: row.footerText });
  }
  return chain;
};

/**
 * For writers of new article rows (the importer's direct path): `footer` and `footerLine` of a row
 * linked to this section row (or none), the sections read once for a batch.
 */
export const footerResolver = async (strapi: Core.Strapi) => {
  const defaults = footerDefaults(strapi);
  const sections = await loadSections(strapi);
  return (sectionRowId: number | null, reporterCode: string | null): { footer: string | null; footerLine: string | null } => {
    const { footer } = resolveFooter({ defaults, chain: chainOf(sections, sectionRowId ?? undefined) });
    return { footer, footerLine: footerLine(footer, reporterCode) };
  };
};

/** What a row holds after a refresh; `updatedAt` when the refresh rewrote it (Strapi stamps every update). */
export type StoredFooter = { footer: string | null; footerLine: string | null; updatedAt?: unknown };

/**
 * `footer` and `footerLine` are stored on each article row (draft and published alike, each from the
 * section row it links to), so every read path serves them at no cost: lists, findOne, populated
 * relations, the archive, GraphQL. They are recomputed whenever an input changes: the article's own
 * save, a section's policy or parent, or the configured default. Returns how many rows changed and what
 * every row read now holds, by row id (for answers that must show it).
 */
export const refreshFooters = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
): Promise<{ changed: number; stored: Map<number, StoredFooter> }> => {
  const defaults = footerDefaults(strapi);
  const [sections, articles] = await Promise.all([
    loadSections(strapi),
    strapi.db.query(ARTICLE).findMany({
      where,
      select: ['id', 'reporterCode', 'footer', 'footerLine'],
      populate: { section: { select: ['id'] } },
    }) as Promise<ArticleRow[]>,
  ]);
  let changed = 0;
  const stored = new Map<number, StoredFooter>();
  for (const article of articles) {
    const { footer } = resolveFooter({ defaults, chain: chainOf(sections, article.section?.id) });
    const line = footerLine(footer, article.reporterCode);
    if (footer !== article.footer || line !== article.footerLine) {
      const { updatedAt } = await strapi.db.query(ARTICLE).update({ where: { id: article.id }, data: { footer, footerLine: line }, select: ['updatedAt'] });
      stored.set(article.id, { footer, footerLine: line, updatedAt });
      changed += 1;
    } else {
      stored.set(article.id, { footer, footerLine: line });
    }
  }
  return { changed, stored };
};
