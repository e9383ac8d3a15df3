import { toJalaliFields, JalaliFields } from '../core';

const jalaliOrNull = (value: unknown): JalaliFields | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  try {
    return toJalaliFields(value);
  } catch {
    return null;
  }
};

/**
 * A copy of a REST response body in which every object holding one of `keys` also holds `<key>Jalali`,
 * at any depth (entries, populated relations, components, dynamic zones). Arrays and objects that need
 * no change are shared with the input, which is never modified.
 */
export const withJalaliSiblings = (body: unknown, keys: ReadonlySet<string>): unknown => {
  if (Array.isArray(body)) {
    let changed = false;
    const items = body.map((item) => {
      const next = withJalaliSiblings(item, keys);
      changed ||= next !== item;
      return next;
    });
    return changed ? items : body;
  }
  if (body === null || typeof body !== 'object' || body instanceof Date) return body;

  let copy: Record<string, unknown> | null = null;
  const source = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(source)) {
    const next = keys.has(key) ? value : withJalaliSiblings(value, keys);
    if (keys.has(key) && value !== undefined) {
      copy ??= { ...source };
      copy[`${key}Jalali`] = value === null ? null : jalaliOrNull(value);
    } else if (next !== value) {
      copy ??= { ...source };
      copy[key] = next;
    }
  }
  return copy ?? body;
};
