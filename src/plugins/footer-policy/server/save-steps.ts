import type { Core } from '@strapi/strapi';
import { ROW_WRITES, SaveStep, SaveStepsService, StoredRow } from '@pishkhan/save-pipeline';
import { SECTION_POLICY_ERROR_CODES } from '../core';
import { MID_STORY_FOOTER_CODE, prepareArticleWrite } from './article-hooks';
import { footerConfig, footerDefaults } from './config';
import { footerFor } from './materialize';
import { loadSectionChains } from './section-tree';
import { refreshBelowSection, validateSectionWrite } from './section-hooks';

/** footer-policy's part of the save pipeline (the app orders it: src/save-pipeline.ts). */
const saveSteps = ({ strapi }: { strapi: Core.Strapi }): SaveStepsService => {
  const config = () => footerConfig(strapi);
  const isArticle = (uid: string) => uid === config().articles.uid;
  const isSection = (uid: string) => uid === config().sections.uid;
  return {
    steps: (): SaveStep[] => [
      {
        name: 'footer-policy.strip-footer',
        phase: 'before',
        serves: isArticle,
        actions: ['create', 'update', 'publish'],
        errorCodes: [MID_STORY_FOOTER_CODE],
        gives: ['footer-stripped'],
        run: (context) => prepareArticleWrite(strapi, config(), context.action, context.params),
      },
      {
        name: 'footer-policy.section-policy',
        phase: 'before',
        serves: isSection,
        actions: ['create', 'update'],
        errorCodes: SECTION_POLICY_ERROR_CODES,
        run: (context) => validateSectionWrite(strapi, config(), context.params),
      },
      {
        // Each row from the section row it links to: draft and published may link different versions.
        name: 'footer-policy.footer',
        phase: 'after',
        serves: isArticle,
        actions: ['create', 'update', 'publish', 'unpublish', 'discardDraft'],
        gives: ['row:footer'],
        reads: () => {
          const { section, reporterCode, footer, footerLine } = config().articles;
          return {
            fields: [reporterCode, footer, footerLine],
            populate: { [section]: { select: ['id'] } },
          };
        },
        async run(context) {
          const { articles, sections } = config();
          const sectionOf = (row: StoredRow) =>
            (row[articles.section] as { id: number } | null)?.id;
          const tree = await loadSectionChains(
            strapi,
            sections,
            context.rows.flatMap((row) => sectionOf(row) ?? [])
          );
          const defaults = footerDefaults(strapi);
          for (const row of context.rows) {
            const stored = footerFor(
              defaults,
              tree,
              sectionOf(row),
              row[articles.reporterCode] as string | null
            );
            if (
              stored.footer !== row[articles.footer] ||
              stored.line !== row[articles.footerLine]
            ) {
              context.patch(row, {
                [articles.footer]: stored.footer,
                [articles.footerLine]: stored.line,
              });
            }
          }
        },
      },
      {
        name: 'footer-policy.section-footers',
        phase: 'after',
        serves: isSection,
        actions: ROW_WRITES,
        run: (context) => refreshBelowSection(strapi, config(), context.documentId!),
      },
    ],
  };
};

export default saveSteps;
