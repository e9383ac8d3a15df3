import { jalaliOf } from './converted';

const visit = (node: unknown, keys: ReadonlySet<string>): void => {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, keys);
    return;
  }
  if (node === null || typeof node !== 'object' || node instanceof Date) return;
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (keys.has(key)) {
      if (value !== undefined) record[`${key}Jalali`] = jalaliOf(value);
    } else if (value !== null && typeof value === 'object') {
      visit(value, keys);
    }
  }
};

/**
 * Adds `<key>Jalali` beside every `key` of `keys`, at any depth (entries, populated relations,
 * components, dynamic zones), to a REST response body **in place**: Strapi builds a fresh body for
 * every response, and copying it cost more than the decoration itself (bench/findings.md).
 */
export const addJalaliSiblings = (body: unknown, keys: ReadonlySet<string>): void => {
  visit(body, keys);
};
