import type { Core } from '@strapi/strapi';
import type { SlugMode } from '../core';

export const SLUG_FIELD = 'plugin::persian-slug.slug';
export const NEWS_CODE_FIELD = 'plugin::persian-slug.news-code';

export interface SlugFieldSpec {
  uid: string;
  field: string;
  /** The attribute the slug is made from (`targetField` in the schema). */
  from: string;
  mode: SlugMode;
  /** The attribute holding the news code, when the content type has one. */
  newsCodeField: string | null;
}

type Attribute = { customField?: string; targetField?: string; options?: { mode?: SlugMode } };

/** The content types with a slug field, read from their schemas so new ones need no configuration. */
export const findSlugFields = (strapi: Core.Strapi): Map<string, SlugFieldSpec> => {
  const specs = new Map<string, SlugFieldSpec>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    const attributes = contentType.attributes as Record<string, Attribute>;
    const slug = Object.entries(attributes).find(
      ([, attribute]) => attribute.customField === SLUG_FIELD
    );
    if (!slug) continue;
    const [field, attribute] = slug;
    if (!attribute.targetField)
      throw new Error(`${uid}.${field}: a persian-slug field needs a targetField`);
    const newsCode = Object.entries(attributes).find(
      ([, candidate]) => candidate.customField === NEWS_CODE_FIELD
    );
    specs.set(uid, {
      uid,
      field,
      from: attribute.targetField,
      mode: attribute.options?.mode ?? 'persian',
      newsCodeField: newsCode ? newsCode[0] : null,
    });
  }
  return specs;
};
