import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { cleanEditorText, findControlCharacter } from '../core';
import type { PersianTextConfig } from './config';

const cleanValue = (value: unknown): unknown => {
  if (typeof value === 'string') return cleanEditorText(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? cleanEditorText(item) : item));
  return value;
};

/** A copy of `data` with the configured fields cleaned; `body.x` reaches field x of every body component. */
export const cleanData = (data: Record<string, unknown>, fields: ReadonlyArray<string>): Record<string, unknown> => {
  const result = { ...data };
  for (const field of fields) {
    const [head, nested] = field.split('.');
    if (!(head in result)) continue;
    if (!nested) {
      result[head] = cleanValue(result[head]);
    } else if (Array.isArray(result[head])) {
      result[head] = (result[head] as Array<Record<string, unknown>>).map((item) =>
        item && typeof item === 'object' && nested in item ? { ...item, [nested]: cleanValue(item[nested]) } : item,
      );
    }
  }
  return result;
};

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Refuses, in every locale, a configured field holding a control character (see findControlCharacter). */
export const refuseControlCharacters = (data: Record<string, unknown>, fields: ReadonlyArray<string>): void => {
  for (const field of fields) {
    const [head, nested] = field.split('.');
    const values = nested && Array.isArray(data[head])
      ? (data[head] as Array<Record<string, unknown>>).flatMap((item) => (item && typeof item === 'object' ? strings(item[nested]) : []))
      : strings(data[head]);
    for (const value of values) {
      const found = findControlCharacter(value);
      if (found) {
        throw new errors.ValidationError(`«${field}» نویسه‌ی کنترلی ${found.codePoint} دارد که در متن خبر جایی ندارد؛ آن را بردارید.`, {
          code: 'CONTROL_CHARACTER',
          message: `Field "${field}" contains the control character ${found.codePoint} at position ${found.index}`,
          errors: [{ path: [head], message: `نویسه‌ی کنترلی ${found.codePoint}`, name: 'ValidationError' }],
        });
      }
    }
  }
};

/** Every write path (admin, REST, GraphQL, importer) goes through the Document Service, so this is the one place. */
export const registerHygiene = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();
    const config = strapi.config.get('plugin::persian-text') as PersianTextConfig;
    const fields = config.hygieneFields[context.uid];
    const params = context.params as { locale?: string; data?: Record<string, unknown> };
    if (!fields || !params.data) return next();
    refuseControlCharacters(params.data, fields);
    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    if (config.hygieneLocales.includes(locale)) params.data = cleanData(params.data, fields);
    return next();
  });
};
