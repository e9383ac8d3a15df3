import { errors } from '@strapi/utils';
import { JalaliDateError, parseJalaliToUtc } from '@pishkhan/jalali-core';
import { toLatinDigits } from '@pishkhan/persian-text-rules';

/** A Jalali year (1206–1500 are supported) or Persian letters: a date an editor or a frontend wrote in Jalali. */
export const looksJalali = (value: string): boolean => {
  const latin = toLatinDigits(value.trim());
  const year = /^(\d{4})\D/.exec(latin);
  return (year !== null && Number(year[1]) < 1700) || /[\u0600-\u06FF]/.test(value);
};

const convert = (value: unknown, path: string): unknown => {
  if (typeof value !== 'string' || !looksJalali(value)) return value;
  try {
    return parseJalaliToUtc(value).toISOString();
  } catch (error) {
    if (error instanceof JalaliDateError) {
      throw new errors.ValidationError(`Invalid Jalali date in filter ${path}: ${error.message}`, {
        code: error.code,
        messageFa: error.messageFa,
      });
    }
    throw error;
  }
};

/**
 * REST filters on Jalali fields accept Jalali dates (`filters[publishedOn][$gte]=1396/08/01`, any digits)
 * and mean Tehran midnight of that day (or the time given). They become UTC ISO strings before Strapi's
 * query validation sees them. Returns a new filters object; the input is not modified.
 */
export const convertJalaliFilters = (
  filters: unknown,
  keys: ReadonlySet<string>,
  path = 'filters'
): unknown => {
  if (Array.isArray(filters))
    return filters.map((item, index) => convertJalaliFilters(item, keys, `${path}[${index}]`));
  if (filters === null || typeof filters !== 'object') return filters;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    result[key] = keys.has(key)
      ? convertOperators(value, `${path}[${key}]`)
      : convertJalaliFilters(value, keys, `${path}[${key}]`);
  }
  return result;
};

const convertOperators = (condition: unknown, path: string): unknown => {
  if (condition === null || typeof condition !== 'object') return convert(condition, path);
  if (Array.isArray(condition))
    return condition.map((item, index) => convert(item, `${path}[${index}]`));
  const result: Record<string, unknown> = {};
  for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
    result[operator] = Array.isArray(value)
      ? value.map((item, index) => convert(item, `${path}[${operator}][${index}]`))
      : convert(value, `${path}[${operator}]`);
  }
  return result;
};
