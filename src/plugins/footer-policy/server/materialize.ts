import type { Core } from '@strapi/strapi';
import { footerLine, resolveFooter, FooterDefaults } from '../core';
import { chainOf, loadAllSections, SectionRow } from './section-tree';

export const footerDefaults = (strapi: Core.Strapi): FooterDefaults => strapi.config.get('plugin::footer-policy') as FooterDefaults;

const ARTICLE = 'api::article.article';
export const SECTION = 'api::section.section';

type ArticleRow = { id: number; reporterCode: string | null; footer: string | null; footerLine: string | null; section: { id: number } | null };

/** `footer` and `footerLine` of an article row linked to this section row (or none), with its reporter code. */
export const footerFor = (defaults: FooterDefaults, sections: Map<number, SectionRow>, sectionRowId: number | null | undefined, reporterCode: string | null) => {
  const chain = chainOf(sections, sectionRowId ?? undefined).map((row) => ({ id: row.id, mode: (row.footerMode ?? 'inherit') as never, text: row.footerText }));
  const { footer } = resolveFooter({ defaults, chain });
  return { footer, footerLine: footerLine(footer, reporterCode) };
};

/**
 * For writers of new article rows (the importer's direct path): `footer` and `footerLine` of a row
 * linked to this section row (or none), the sections read once for a batch.
 */
export const footerResolver = async (strapi: Core.Strapi) => {
  const defaults = footerDefaults(strapi);
  const sections = await loadAllSections(strapi, SECTION);
  return (sectionRowId: number | null, reporterCode: string | null) => footerFor(defaults, sections, sectionRowId, reporterCode);
};

/**
 * `footer` and `footerLine` are stored on each article row (draft and published alike, each from the
 * section row it links to), so every read path serves them at no cost. An article's own save recomputes
 * them in the save pipeline (save-steps.ts); here, those of many articles at once, when a section's
 * policy or parent or the configured default changed. Returns how many rows changed.
 */
export const refreshFooters = async (strapi: Core.Strapi, where: Record<string, unknown>, sections?: Map<number, SectionRow>): Promise<number> => {
  const defaults = footerDefaults(strapi);
  const [tree, articles] = await Promise.all([
    sections ?? loadAllSections(strapi, SECTION),
    strapi.db.query(ARTICLE).findMany({
      where,
      select: ['id', 'reporterCode', 'footer', 'footerLine'],
      populate: { section: { select: ['id'] } },
    }) as Promise<ArticleRow[]>,
  ]);
  let changed = 0;
  for (const article of articles) {
    const stored = footerFor(defaults, tree, article.section?.id, article.reporterCode);
    if (stored.footer !== article.footer || stored.footerLine !== article.footerLine) {
      await strapi.db.query(ARTICLE).update({ where: { id: article.id }, data: stored });
      changed += 1;
    }
  }
  return changed;
};
