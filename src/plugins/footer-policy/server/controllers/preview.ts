import type { Core } from '@strapi/strapi';
import { footerLine, resolveFooter } from '../../core';
import { footerDefaults } from '../materialize';

type Ctx = { query: Record<string, unknown>; body: unknown };
type SectionRow = { id: number; footerMode: string | null; footerText: string | null; parent: { documentId: string } | null };

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * For the admin's side panel: how the story will end with the section and reporter code being edited,
 * and the notes of the last save (footers removed from the body, a footer left in the middle).
 */
const previewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Ctx) {
    const locale = text(ctx.query.locale);
    const chain = [];
    for (let documentId = text(ctx.query.section); documentId && chain.length < 32; ) {
      const row: SectionRow | null = await strapi.db.query('api::section.section').findOne({
        where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
        select: ['id', 'footerMode', 'footerText'],
        populate: { parent: { select: ['documentId'] } },
      });
      if (!row) break;
      chain.push({ id: row.id, mode: (row.footerMode ?? 'inherit') as 'inherit', text: row.footerText });
      documentId = row.parent?.documentId;
    }
    const resolved = resolveFooter({ defaults: footerDefaults(strapi), chain });
    const documentId = text(ctx.query.documentId);
    const draft = documentId
      ? await strapi.db.query('api::article.article').findOne({
          where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
          select: ['footerNotes', 'reporterCode'],
        })
      : null;
    const reporterCode = text(ctx.query.reporterCode) ?? draft?.reporterCode ?? null;
    ctx.body = {
      footer: resolved.footer,
      footerLine: footerLine(resolved.footer, reporterCode),
      source: resolved.source,
      removed: draft?.footerNotes?.removed ?? [],
      midStory: draft?.footerNotes?.midStory ?? [],
    };
  },
});

export default { preview: previewController };
