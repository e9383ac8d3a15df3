import { Buffer } from 'buffer';
import { LRUCache } from 'lru-cache';
import { toJalaliFields, JalaliFields } from '@pishkhan/jalali-core';

type Conversion = { fields: JalaliFields; json?: Buffer };

/**
 * The same timestamps are served again and again (the front page, a desk's page, the officials on every
 * story), so conversions are kept across responses: about 0.8 KB each with their JSON bytes, 20,000 at
 * most, frozen, so one can stand in any number of bodies. Unparseable values are not kept.
 */
const converted = new LRUCache<string, Conversion>({ max: 20_000 });

const NULL_JSON = Buffer.from('null');

const conversionOf = (value: unknown): Conversion | null => {
  if (value === null) return null;
  const key = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value;
  if (typeof key !== 'string') return null;
  let conversion = converted.get(key);
  if (conversion === undefined) {
    try {
      conversion = { fields: Object.freeze(toJalaliFields(key)) };
    } catch {
      return null;
    }
    converted.set(key, conversion);
  }
  return conversion;
};

/** The `…Jalali` value of a stored timestamp (REST and GraphQL): null for null or anything unparseable. */
export const jalaliOf = (value: unknown): JalaliFields | null =>
  conversionOf(value)?.fields ?? null;

/** The same as UTF-8 JSON, encoded once per timestamp (REST answers splice it in: siblings-json.ts). */
export const jalaliJsonOf = (value: string | null): Buffer => {
  const conversion = conversionOf(value);
  if (!conversion) return NULL_JSON;
  conversion.json ??= Buffer.from(JSON.stringify(conversion.fields));
  return conversion.json;
};
