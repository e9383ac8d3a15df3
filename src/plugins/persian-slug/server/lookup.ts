import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizeSlugLookup, SlugError } from '../core';
import { getService } from './get-service';
import type { SlugFieldSpec } from './fields';

export type SlugResolution =
  | { kind: 'found'; documentId: string; slug: string; locale: string }
  | { kind: 'moved'; documentId: string; slug: string; locale: string }
  | { kind: 'missing' };

/**
 * A slug from a URL (percent-encoded or not, any spelling) to the published version it names now. Only
 * published slugs count: the live one is found, an old published one moves to the live one, and a slug
 * that only a draft ever had is unknown (it must not reveal that the draft exists). In a locale other than
 * `fallbackLocale`, a slug that is not this locale's but is the live one of the `fallbackLocale` version
 * finds that version, as findOne falls back to it.
 */
export const resolveSlug = async (
  strapi: Core.Strapi,
  spec: SlugFieldSpec,
  raw: string,
  locale: string,
  fallbackLocale: string
): Promise<SlugResolution> => {
  let slug: string;
  try {
    slug = normalizeSlugLookup(raw, { mode: spec.mode });
  } catch (error) {
    if (error instanceof SlugError) {
      throw new errors.ValidationError(error.message, {
        code: error.code,
        messageFa: error.messageFa,
      });
    }
    throw error;
  }
  const registry = getService(strapi, 'registry');
  const hit = await registry.lookup(spec.uid, locale, slug);
  if (hit?.live === slug) return { kind: 'found', documentId: hit.documentId, slug, locale };
  if (hit?.live && hit.wasPublished)
    return { kind: 'moved', documentId: hit.documentId, slug: hit.live, locale };
  if (locale !== fallbackLocale) {
    const fallback = await registry.lookup(spec.uid, fallbackLocale, slug);
    if (fallback?.live === slug)
      return { kind: 'found', documentId: fallback.documentId, slug, locale: fallbackLocale };
  }
  return { kind: 'missing' };
};

export const parseNewsCode = (raw: unknown): number => {
  const code = typeof raw === 'string' && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(code) || code < 1) {
    throw new errors.ValidationError(
      `News code must be a positive whole number, got "${String(raw)}"`,
      {
        messageFa: 'کد خبر باید عددی مثبت باشد.',
      }
    );
  }
  return code;
};
