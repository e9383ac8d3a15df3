import type { Core } from '@strapi/strapi';
import { validateSectionPolicy } from '../core';
import { footerValidationError } from './errors';
import { refreshFooters } from './materialize';
import { loadAllSections, subtreeOf } from './section-tree';

type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };

/** A section's footer setting is validated on save. */
export const validateSectionWrite = async (strapi: Core.Strapi, uid: string, params: Params): Promise<void> => {
  const data = params.data ?? {};
  if (!('footerMode' in data || 'footerText' in data)) return;
  const stored = params.documentId
    ? await strapi.db.query(uid).findOne({ where: { documentId: params.documentId, locale: params.locale, publishedAt: null }, select: ['footerMode', 'footerText'] })
    : null;
  const policy = {
    mode: String(data.footerMode ?? stored?.footerMode ?? 'inherit'),
    text: (data.footerText ?? stored?.footerText ?? null) as string | null,
  };
  const [error] = validateSectionPolicy(policy);
  if (error) throw footerValidationError(error.code, error, [error.field === 'mode' ? 'footerMode' : 'footerText']);
};

/** After any change to a section (its policy, its parent, publishing, deletion) the footers of the articles below it are recomputed. */
export const refreshBelowSection = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<void> => {
  const sections = await loadAllSections(strapi, uid);
  const ids = subtreeOf(sections, documentId);
  await refreshFooters(strapi, { $or: [{ section: { id: { $in: ids } } }, { section: { id: { $null: true } } }] }, sections);
};
