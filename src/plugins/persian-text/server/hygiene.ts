import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isBlankText } from '@pishkhan/persian-text-rules';
import { cleanEditorText, findControlCharacter } from '../core';
import { textConfig } from './config';

/** The codes of the 400s the hygiene step refuses a save with. */
export const HYGIENE_ERROR_CODES = ['CONTROL_CHARACTER', 'BLANK_FIELD'] as const;
type HygieneErrorCode = (typeof HYGIENE_ERROR_CODES)[number];

const cleanValue = (value: unknown): unknown => {
  if (typeof value === 'string') return cleanEditorText(value);
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? cleanEditorText(item) : item));
  return value;
};

/** A copy of `data` with the configured fields cleaned; `body.x` reaches field x of every body component. */
export const cleanData = (
  data: Record<string, unknown>,
  fields: ReadonlyArray<string>
): Record<string, unknown> => {
  const result = { ...data };
  for (const field of fields) {
    const [head, nested] = field.split('.');
    if (!(head in result)) continue;
    if (!nested) {
      result[head] = cleanValue(result[head]);
    } else if (Array.isArray(result[head])) {
      result[head] = (result[head] as Array<Record<string, unknown>>).map((item) =>
        item && typeof item === 'object' && nested in item
          ? { ...item, [nested]: cleanValue(item[nested]) }
          : item
      );
    }
  }
  return result;
};

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];

/** Refuses, in every locale, a configured field holding a control character (see findControlCharacter). */
export const refuseControlCharacters = (
  data: Record<string, unknown>,
  fields: ReadonlyArray<string>
): void => {
  for (const field of fields) {
    const [head, nested] = field.split('.');
    const values =
      nested && Array.isArray(data[head])
        ? (data[head] as Array<Record<string, unknown>>).flatMap((item) =>
            item && typeof item === 'object' ? strings(item[nested]) : []
          )
        : strings(data[head]);
    for (const value of values) {
      const found = findControlCharacter(value);
      if (found) {
        throw new errors.ValidationError(
          `«${field}» نویسه‌ی کنترلی ${found.codePoint} دارد که در متن خبر جایی ندارد؛ آن را بردارید.`,
          {
            code: 'CONTROL_CHARACTER' satisfies HygieneErrorCode,
            message: `Field "${field}" contains the control character ${found.codePoint} at position ${found.index}`,
            errors: [
              {
                path: [head],
                message: `نویسه‌ی کنترلی ${found.codePoint}`,
                name: 'ValidationError',
              },
            ],
          }
        );
      }
    }
  }
};

/**
 * Refuses a named field with nothing to read (missing or null on create, null or blank when sent): a
 * story without a title would be published with no title and no slug.
 */
export const refuseBlankFields = (
  data: Record<string, unknown>,
  names: Record<string, string>,
  creating: boolean
): void => {
  for (const [field, nameFa] of Object.entries(names)) {
    if (!creating && !(field in data)) continue;
    const value = data[field];
    if (typeof value === 'string' ? !isBlankText(value) : value !== undefined && value !== null)
      continue;
    throw new errors.ValidationError(
      `Field "${field}" is empty: it holds no text but spaces, invisible characters, tatweel or marks`,
      {
        code: 'BLANK_FIELD' satisfies HygieneErrorCode,
        field,
        messageFa: `${nameFa} خالی است؛ آن را با متن بنویسید (فاصله، کشیده و نویسه‌های نامرئی متن به حساب نمی‌آیند).`,
        errors: [{ path: [field], message: `${nameFa} خالی است.`, name: 'ValidationError' }],
      }
    );
  }
};

/**
 * `data` as it may be saved: refused with a control character or a blank named field (every locale),
 * cleaned in the configured locales. For the save pipeline's hygiene step and the importer's
 * direct path alike (which only creates).
 */
export const prepareForSave = (
  strapi: Core.Strapi,
  uid: string,
  locale: string,
  data: Record<string, unknown>,
  creating = true
): Record<string, unknown> => {
  const config = textConfig(strapi);
  const fields = config.hygieneFields[uid] ?? [];
  refuseControlCharacters(data, fields);
  const cleaned =
    fields.length > 0 && config.hygieneLocales.includes(locale) ? cleanData(data, fields) : data;
  refuseBlankFields(cleaned, config.nonBlankFields[uid] ?? {}, creating);
  return cleaned;
};
