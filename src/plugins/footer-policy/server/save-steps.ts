import type { Core } from '@strapi/strapi';
import { ROW_WRITES, SaveStep, SaveStepsService } from '../../../lib/save-pipeline';
import { prepareArticleWrite } from './article-hooks';
import { footerDefaults, footerFor, SECTION } from './materialize';
import { loadSectionChains } from './section-tree';
import { refreshBelowSection, validateSectionWrite } from './section-hooks';

const ARTICLE = 'api::article.article';
const isArticle = (uid: string) => uid === ARTICLE;
const isSection = (uid: string) => uid === SECTION;

type ArticleRow = { id: number; reporterCode: string | null; footer: string | null; footerLine: string | null; section: { id: number } | null };

/** footer-policy's part of the save pipeline (the app orders it: src/save-pipeline.ts). */
const saveSteps = ({ strapi }: { strapi: Core.Strapi }): SaveStepsService => ({
  steps: (): SaveStep[] => [
    {
      name: 'footer-policy.strip-footer',
      phase: 'before',
      serves: isArticle,
      actions: ['create', 'update', 'publish'],
      gives: ['footer-stripped'],
      run: (context) => prepareArticleWrite(strapi, context.uid, context.action, context.params),
    },
    {
      name: 'footer-policy.section-policy',
      phase: 'before',
      serves: isSection,
      actions: ['create', 'update'],
      run: (context) => validateSectionWrite(strapi, context.uid, context.params),
    },
    {
      // Each row from the section row it links to: draft and published may link different versions.
      name: 'footer-policy.footer',
      phase: 'after',
      serves: isArticle,
      actions: ['create', 'update', 'publish', 'unpublish', 'discardDraft'],
      gives: ['row:footer', 'row:footerLine'],
      reads: () => ({ fields: ['reporterCode', 'footer', 'footerLine'], populate: { section: { select: ['id'] } } }),
      async run(context) {
        const rows = context.rows as unknown as Array<ArticleRow & (typeof context.rows)[number]>;
        const sections = await loadSectionChains(strapi, SECTION, rows.flatMap((row) => (row.section ? [row.section.id] : [])));
        const defaults = footerDefaults(strapi);
        for (const row of rows) {
          const stored = footerFor(defaults, sections, row.section?.id, row.reporterCode);
          if (stored.footer !== row.footer || stored.footerLine !== row.footerLine) context.patch(row, stored);
        }
      },
    },
    {
      name: 'footer-policy.section-footers',
      phase: 'after',
      serves: isSection,
      actions: ROW_WRITES,
      run: (context) => refreshBelowSection(strapi, context.uid, context.documentId!),
    },
  ],
});

export default saveSteps;
