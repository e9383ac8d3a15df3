import type { Core } from '@strapi/strapi';
import { validateSectionPolicy } from '../core';
import { footerValidationError } from './errors';
import { refreshFooters } from './materialize';

const SECTION = 'api::section.section';
type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };

/** The section rows of a document and every row below them: whose articles a policy change reaches. */
const subtreeRowIds = async (strapi: Core.Strapi, documentId: string): Promise<number[]> => {
  const rows: Array<{ id: number; documentId: string; parent: { id: number } | null }> = await strapi.db
    .query(SECTION)
    .findMany({ select: ['id', 'documentId'], populate: { parent: { select: ['id'] } } });
  const children = new Map<number, number[]>();
  for (const row of rows) if (row.parent) children.set(row.parent.id, [...(children.get(row.parent.id) ?? []), row.id]);
  const found = new Set(rows.filter((row) => row.documentId === documentId).map((row) => row.id));
  for (const id of found) for (const child of children.get(id) ?? []) found.add(child);
  return [...found];
};

/**
 * A section's footer setting is validated on save; after any change to a section (its policy, its parent,
 * publishing, deletion) the footers of the articles below it are recomputed.
 */
export const handleSectionWrite = async (
  strapi: Core.Strapi,
  action: string,
  params: Params,
  next: () => Promise<unknown>,
): Promise<unknown> => {
  const data = params.data ?? {};
  if ((action === 'create' || action === 'update') && ('footerMode' in data || 'footerText' in data)) {
    const stored = params.documentId
      ? await strapi.db.query(SECTION).findOne({ where: { documentId: params.documentId, locale: params.locale, publishedAt: null }, select: ['footerMode', 'footerText'] })
      : null;
    const policy = {
      mode: String(data.footerMode ?? stored?.footerMode ?? 'inherit'),
      text: (data.footerText ?? stored?.footerText ?? null) as string | null,
    };
    const [error] = validateSectionPolicy(policy);
    if (error) throw footerValidationError(error.code, error, [error.field === 'mode' ? 'footerMode' : 'footerText']);
  }

  const result = await next();
  const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
  if (documentId) {
    const ids = await subtreeRowIds(strapi, documentId);
    await refreshFooters(strapi, { $or: [{ section: { id: { $in: ids } } }, { section: { id: { $null: true } } }] });
  }
  return result;
};
