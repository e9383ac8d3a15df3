import type { Core } from '@strapi/strapi';
import { footerLine, resolveFooter } from '../../core';
import { footerConfig, footerDefaults } from '../config';
import { loadDraftChain } from '../section-tree';

type Ctx = { query: Record<string, unknown>; body: unknown };

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * For the admin's side panel: how the story will end with the section and reporter code being edited,
 * and the notes of the last save (footers removed from the body, a footer left in the middle).
 */
const previewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Ctx) {
    const { articles, sections } = footerConfig(strapi);
    const locale = text(ctx.query.locale);
    const section = text(ctx.query.section);
    const chain = section ? await loadDraftChain(strapi, sections, section, locale) : [];
    const resolved = resolveFooter({ defaults: footerDefaults(strapi), chain });
    const documentId = text(ctx.query.documentId);
    const draft = documentId
      ? await strapi.db.query(articles.uid).findOne({
          where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
          select: [articles.footerNotes, articles.reporterCode],
        })
      : null;
    const reporterCode = text(ctx.query.reporterCode) ?? draft?.[articles.reporterCode] ?? null;
    const notes = draft?.[articles.footerNotes];
    ctx.body = {
      footer: resolved.footer,
      footerLine: footerLine(resolved.footer, reporterCode),
      source: resolved.source,
      removed: notes?.removed ?? [],
      midStory: notes?.midStory ?? [],
    };
  },

  /** The configured story type and fields, for the admin's panel (it names none of its own). */
  fields(ctx: Ctx) {
    const { articles, blocks } = footerConfig(strapi);
    ctx.body = {
      uid: articles.uid,
      section: articles.section,
      body: articles.body,
      reporterCode: articles.reporterCode,
      blocks,
    };
  },
});

export default { preview: previewController };
