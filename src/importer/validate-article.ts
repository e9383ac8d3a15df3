import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from './mapping';
import { checkBodyBlocks } from '../lib/write-limits';

type Attribute = {
  type: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  regex?: string;
  components?: string[];
  min?: number;
  max?: number;
};
type Attributes = Record<string, Attribute>;

const TEXT = new Set(['string', 'text', 'richtext', 'uid']);

/**
 * Whether Strapi's validator surely accepts `data`: the rules it applies to what an import writes (text
 * types, lengths, required and patterns when publishing, dynamic-zone components), read from the
 * schemas. Anything else — another attribute type, a relation, a count limit — is left to Strapi.
 * Never true for data Strapi refuses; may be false for data it accepts.
 */
const surelyValid = (
  strapi: Core.Strapi,
  attributes: Attributes,
  data: Record<string, unknown>,
  publishing: boolean
): boolean => {
  for (const [name, value] of Object.entries(data)) {
    const attribute = attributes[name];
    if (!attribute) return false;
    if (value === undefined || value === null) {
      if (attribute.required && publishing) return false;
      continue;
    }
    if (TEXT.has(attribute.type)) {
      if (typeof value !== 'string') return false;
      const max = attribute.type === 'string' ? (attribute.maxLength ?? 255) : attribute.maxLength;
      if (max !== undefined && value.length > max) return false;
      if (
        publishing &&
        ((attribute.required && value === '') ||
          (attribute.minLength !== undefined && value.length < attribute.minLength))
      )
        return false;
      if (
        publishing &&
        attribute.regex !== undefined &&
        value !== '' &&
        !new RegExp(attribute.regex).test(value)
      )
        return false;
    } else if (attribute.type === 'datetime') {
      if (Number.isNaN(new Date(value as string).getTime())) return false;
    } else if (attribute.type === 'json') {
      continue;
    } else if (attribute.type === 'dynamiczone') {
      if (!Array.isArray(value) || attribute.min !== undefined || attribute.max !== undefined)
        return false;
      for (const block of value as Array<Record<string, unknown>>) {
        const { __component: component, ...fields } = block;
        if (typeof component !== 'string' || !attribute.components?.includes(component))
          return false;
        if (
          !surelyValid(
            strapi,
            strapi.components[component as never].attributes as unknown as Attributes,
            fields,
            publishing
          )
        )
          return false;
      }
    } else {
      return false;
    }
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    if (publishing && attribute.required && !(name in data)) return false;
  }
  return true;
};

/**
 * An imported article's fields (relations apart) checked as the Document Service checks them: a quick
 * pass over the schema's rules (Strapi's own validator costs ~4 ms a story, most of an import), and
 * Strapi's validator whenever that pass is not sure, so a refused story gets exactly Strapi's error.
 */
export const validateArticle = async (
  strapi: Core.Strapi,
  fields: Record<string, unknown> & { body: Array<Record<string, unknown>> },
  { locale, publish }: { locale: string; publish: boolean }
): Promise<void> => {
  checkBodyBlocks(fields.body);
  const model = strapi.getModel(ARTICLE_UID);
  const data = { ...fields, body: fields.body.map(({ official: _official, ...block }) => block) };
  if (surelyValid(strapi, model.attributes as unknown as Attributes, data, publish)) return;
  await strapi.entityValidator.validateEntityCreation(
    model,
    { ...data, locale } as never,
    { isDraft: !publish, locale } as never
  );
};
