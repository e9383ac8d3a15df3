import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizeSlugLookup, SlugError } from '../core';
import { getService } from './get-service';
import type { SlugFieldSpec } from './fields';

export type SlugResolution =
  | { kind: 'found'; documentId: string; slug: string }
  | { kind: 'moved'; documentId: string; slug: string }
  | { kind: 'missing' };

/** A slug from a URL (percent-encoded or not, any spelling) to the document it names now. */
export const resolveSlug = async (
  strapi: Core.Strapi,
  spec: SlugFieldSpec,
  raw: string,
  locale: string,
): Promise<SlugResolution> => {
  let slug: string;
  try {
    slug = normalizeSlugLookup(raw, { mode: spec.mode });
  } catch (error) {
    if (error instanceof SlugError) {
      throw new errors.ValidationError(error.message, { code: error.code, messageFa: error.messageFa });
    }
    throw error;
  }
  const registry = getService(strapi, 'registry');
  const hit = await registry.lookup(spec.uid, locale, slug);
  if (!hit) return { kind: 'missing' };
  // A current slug needs no check here: the findOne that answers it finds no unpublished document.
  if (hit.isCurrent) return { kind: 'found', documentId: hit.documentId, slug };
  // An old slug must not reveal, by redirecting, that an unpublished document exists.
  const published = await strapi.documents(spec.uid as never).findOne({
    documentId: hit.documentId,
    locale,
    status: 'published',
    fields: ['id'],
  } as never);
  if (!published) return { kind: 'missing' };
  const current = await registry.current(spec.uid, locale, hit.documentId);
  return current ? { kind: 'moved', documentId: hit.documentId, slug: current } : { kind: 'missing' };
};

export const parseNewsCode = (raw: unknown): number => {
  const code = typeof raw === 'string' && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(code) || code < 1) {
    throw new errors.ValidationError(`News code must be a positive whole number, got "${String(raw)}"`, {
      messageFa: 'کد خبر باید عددی مثبت باشد.',
    });
  }
  return code;
};
