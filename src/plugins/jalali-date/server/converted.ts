import { LRUCache } from 'lru-cache';
import { toJalaliFields, JalaliFields } from '../core';

/**
 * The same timestamps are served again and again (the front page, a desk's page, the officials on every
 * story), so conversions are kept across responses: about 0.5 KB each, 20,000 at most, frozen, so one
 * can stand in any number of bodies. Unparseable values are not kept.
 */
const converted = new LRUCache<string, JalaliFields>({ max: 20_000 });

/** The `…Jalali` value of a stored timestamp (REST and GraphQL): null for null or anything unparseable. */
export const jalaliOf = (value: unknown): JalaliFields | null => {
  if (value === null) return null;
  const key = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value;
  if (typeof key !== 'string') return null;
  let fields = converted.get(key);
  if (fields === undefined) {
    try {
      fields = Object.freeze(toJalaliFields(key));
    } catch {
      return null;
    }
    converted.set(key, fields);
  }
  return fields;
};
