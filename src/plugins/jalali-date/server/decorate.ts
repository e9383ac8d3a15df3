import { toJalaliFields, JalaliFields } from '../core';

type Memo = Map<string, JalaliFields | null>;

const jalaliOf = (value: unknown, memo: Memo): JalaliFields | null => {
  if (value === null) return null;
  const key = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value;
  if (typeof key !== 'string') return null;
  let fields = memo.get(key);
  if (fields === undefined) {
    try {
      fields = toJalaliFields(key);
    } catch {
      fields = null;
    }
    memo.set(key, fields);
  }
  return fields;
};

const visit = (node: unknown, keys: ReadonlySet<string>, memo: Memo): void => {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, keys, memo);
    return;
  }
  if (node === null || typeof node !== 'object' || node instanceof Date) return;
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (keys.has(key)) {
      if (value !== undefined) record[`${key}Jalali`] = jalaliOf(value, memo);
    } else if (value !== null && typeof value === 'object') {
      visit(value, keys, memo);
    }
  }
};

/**
 * Adds `<key>Jalali` beside every `key` of `keys`, at any depth (entries, populated relations,
 * components, dynamic zones), to a REST response body **in place**: Strapi builds a fresh body for
 * every response, and copying it cost more than the decoration itself (bench/findings.md). A timestamp
 * that repeats in one body (a section or an official on every row) is converted once.
 */
export const addJalaliSiblings = (body: unknown, keys: ReadonlySet<string>): void => {
  visit(body, keys, new Map());
};
