import type { Core } from '@strapi/strapi';
import { footerLine, resolveFooter, FooterDefaults } from '../core';
import { footerConfig, footerDefaults } from './config';
import { chainOf, loadAllSections, SectionRow } from './section-tree';

/** The footer and footer line of an article row linked to this section row (or none), with its reporter code. */
export const footerFor = (
  defaults: FooterDefaults,
  sections: Map<number, SectionRow>,
  sectionRowId: number | null | undefined,
  reporterCode: string | null
) => {
  const { footer } = resolveFooter({ defaults, chain: chainOf(sections, sectionRowId) });
  return { footer, line: footerLine(footer, reporterCode) };
};

/**
 * For writers of new article rows (the importer's batch path): the footer and footer line of a row
 * linked to this section row (or none), the sections read once for a batch.
 */
export const footerResolver = async (strapi: Core.Strapi) => {
  const config = footerConfig(strapi);
  const defaults = footerDefaults(strapi);
  const sections = await loadAllSections(strapi, config.sections);
  return (sectionRowId: number | null, reporterCode: string | null) => {
    const { footer, line } = footerFor(defaults, sections, sectionRowId, reporterCode);
    return { [config.articles.footer]: footer, [config.articles.footerLine]: line };
  };
};

/**
 * The footer and footer line are stored on each article row (draft and published alike, each from the
 * section row it links to), so every read path serves them at no cost. An article's own save recomputes
 * them in the save pipeline (save-steps.ts); here, those of many articles at once, when a section's
 * policy or parent or the configured default changed. Returns how many rows changed.
 */
export const refreshFooters = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
  sections?: Map<number, SectionRow>
): Promise<number> => {
  const config = footerConfig(strapi);
  const { uid, section, reporterCode, footer, footerLine: lineField } = config.articles;
  const defaults = footerDefaults(strapi);
  const [tree, articles] = await Promise.all([
    sections ?? loadAllSections(strapi, config.sections),
    strapi.db.query(uid).findMany({
      where,
      select: ['id', reporterCode, footer, lineField],
      populate: { [section]: { select: ['id'] } },
    }) as Promise<Array<Record<string, unknown> & { id: number }>>,
  ]);
  let changed = 0;
  for (const article of articles) {
    const stored = footerFor(
      defaults,
      tree,
      (article[section] as { id: number } | null)?.id,
      article[reporterCode] as string | null
    );
    if (stored.footer !== article[footer] || stored.line !== article[lineField]) {
      await strapi.db.query(uid).update({
        where: { id: article.id },
        data: { [footer]: stored.footer, [lineField]: stored.line },
      });
      changed += 1;
    }
  }
  return changed;
};
