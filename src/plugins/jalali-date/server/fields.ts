import type { Core } from '@strapi/strapi';

export const JALALI_FIELD = 'plugin::jalali-date.datetime';

/** Strapi's own timestamps are shown in Jalali too. */
const SYSTEM_FIELDS = ['publishedAt', 'updatedAt'];

type Attribute = { customField?: string };

/** Attributes using the Jalali custom field, per content type and component. */
export const findJalaliAttributes = (strapi: Core.Strapi): Map<string, string[]> => {
  const found = new Map<string, string[]>();
  const schemas = { ...strapi.contentTypes, ...strapi.components } as Record<
    string,
    { attributes: Record<string, Attribute> }
  >;
  for (const [uid, schema] of Object.entries(schemas)) {
    const names = Object.entries(schema.attributes)
      .filter(([, attribute]) => attribute.customField === JALALI_FIELD)
      .map(([name]) => name);
    if (names.length) found.set(uid, names);
  }
  return found;
};

/** The keys that get a `<key>Jalali` sibling in REST responses: every Jalali field name and the timestamps. */
export const jalaliKeys = (attributes: Map<string, string[]>): Set<string> =>
  new Set([...SYSTEM_FIELDS, ...[...attributes.values()].flat()]);

export const SYSTEM_JALALI_FIELDS = SYSTEM_FIELDS;
