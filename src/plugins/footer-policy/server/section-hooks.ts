import type { Core } from '@strapi/strapi';
import { validateSectionPolicy } from '../core';
import type { FooterPolicyConfig } from './config';
import { footerValidationError } from './errors';
import { refreshFooters } from './materialize';
import { loadAllSections, subtreeOf } from './section-tree';

type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };

/** A section's footer setting is validated on save. */
export const validateSectionWrite = async (
  strapi: Core.Strapi,
  config: FooterPolicyConfig,
  params: Params
): Promise<void> => {
  const { uid, mode, text } = config.sections;
  const data = params.data ?? {};
  if (!(mode in data || text in data)) return;
  const stored = params.documentId
    ? await strapi.db.query(uid).findOne({
        where: { documentId: params.documentId, locale: params.locale, publishedAt: null },
        select: [mode, text],
      })
    : null;
  const policy = {
    mode: String(data[mode] ?? stored?.[mode] ?? 'inherit'),
    text: (data[text] ?? stored?.[text] ?? null) as string | null,
  };
  const [error] = validateSectionPolicy(policy);
  if (error) throw footerValidationError(error.code, error, [error.field === 'mode' ? mode : text]);
};

/** After any change to a section (its policy, its parent, publishing, deletion) the footers of the articles below it are recomputed. */
export const refreshBelowSection = async (
  strapi: Core.Strapi,
  config: FooterPolicyConfig,
  documentId: string
): Promise<void> => {
  const sections = await loadAllSections(strapi, config.sections);
  const ids = subtreeOf(sections, documentId);
  const { section } = config.articles;
  await refreshFooters(
    strapi,
    { $or: [{ [section]: { id: { $in: ids } } }, { [section]: { id: { $null: true } } }] },
    sections
  );
};
