import type { Core } from '@strapi/strapi';

const UID = 'api::article.article';

export type WrittenRow = {
  id?: number;
  documentId?: string;
  locale?: string;
  publishedAt?: unknown;
  publishedOn?: unknown;
  updatedAt?: unknown;
  quotedOfficials?: unknown;
};

type Populate = string | string[] | Record<string, unknown> | undefined;

/** What the write asked to populate `field` with, or undefined when it did not populate it. */
const populateOf = (populate: Populate, field: string): unknown => {
  if (populate === '*') return true;
  if (typeof populate === 'string') return populate.split(',').includes(field) || undefined;
  if (Array.isArray(populate)) return populate.includes(field) || undefined;
  return populate?.[field];
};

/**
 * The answer to a create or update is Strapi's row from before our after-write steps: it is given what
 * they stored. `publishedOn` and `updatedAt` from the values written; `quotedOfficials`, when the write
 * populated it and the sync changed it, read again as asked (the only case that costs a query).
 */
export const bringAnswerUpToDate = async (
  strapi: Core.Strapi,
  written: WrittenRow,
  populate: Populate,
  stored: { rewritten: Map<number, unknown>; filled: Map<string, unknown> },
): Promise<void> => {
  if (written.locale && written.publishedOn == null && stored.filled.has(written.locale)) {
    written.publishedOn = stored.filled.get(written.locale);
  }
  if (written.id === undefined || !stored.rewritten.has(written.id)) return;
  written.updatedAt = stored.rewritten.get(written.id);
  const officials = populateOf(populate, 'quotedOfficials');
  if (!officials || !written.documentId) return;
  const again = (await strapi.documents(UID).findOne({
    documentId: written.documentId,
    locale: written.locale,
    status: written.publishedAt ? 'published' : 'draft',
    fields: ['id'],
    populate: { quotedOfficials: officials },
  } as never)) as WrittenRow | null;
  if (again) written.quotedOfficials = again.quotedOfficials;
};
