/** What a maintained list count is kept by (besides the content type): one locale's drafts or published rows. */
export interface ListCountKey {
  locale: string;
  published: boolean;
}

/** What the entity manager's `count` is given: it reads `where`, `filters` and `_q` (the rest is paging). */
export interface CountParams {
  where?: unknown;
  filters?: unknown;
  _q?: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * The conditions of a where clause joined by `$and` (or an `$or` of one alternative, as the admin's
 * permissions give), attribute by attribute: false when it holds anything else (an `$or` of more, `$not`,
 * a function, a non-object).
 */
const collect = (where: unknown, into: Array<[string, unknown]>): boolean => {
  if (where === undefined || where === null) return true;
  if (!isPlainObject(where)) return false;
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and' || (key === '$or' && Array.isArray(value) && value.length === 1)) {
      if (!Array.isArray(value) || !value.every((part) => collect(part, into))) return false;
      continue;
    }
    if (key.startsWith('$')) return false;
    into.push([key, value]);
  }
  return true;
};

/**
 * The one locale the conditions on `locale` allow: an equality (a string or `$eq`), with any `$in` that
 * holds it (the admin's permissions list every locale the editor may read).
 */
const localeOf = (conditions: unknown[]): string | null => {
  const equal = conditions.map((condition) =>
    typeof condition === 'string'
      ? condition
      : isPlainObject(condition) &&
          Object.keys(condition).length === 1 &&
          typeof condition.$eq === 'string'
        ? condition.$eq
        : null
  );
  const locale = equal.find((value) => value !== null);
  if (locale === undefined) return null;
  const allows = (condition: unknown, at: number) =>
    equal[at] === locale ||
    (isPlainObject(condition) &&
      Object.keys(condition).length === 1 &&
      Array.isArray(condition.$in) &&
      condition.$in.includes(locale));
  return conditions.every(allows) ? locale : null;
};

/**
 * Whether a condition on `publishedAt` asks for published rows: Strapi's `$null` and `$notNull` (the
 * Document Service's lookup is `$notNull: true` or `$null: true`, the query layer's status filter
 * `$null: false` or `$null: true`) and a plain `null`. Booleans only: Strapi reads any truthy value, so
 * `$null: 'false'` means IS NULL there, and such a condition is left to the database.
 */
const publishedOf = (condition: unknown): boolean | null => {
  if (condition === null) return false;
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1) return null;
  if (typeof condition.$null === 'boolean') return !condition.$null;
  if (typeof condition.$notNull === 'boolean') return condition.$notNull;
  return null;
};

/** The one value every condition on an attribute reads as, or null when they differ or one reads as none. */
const agreed = <T>(values: Array<T | null>): T | null =>
  values.length > 0 && values.every((value) => value !== null && value === values[0])
    ? values[0]
    : null;

/**
 * The locale and state a count asks for when it asks for nothing else, whatever shape Strapi gave it:
 * the Document Service's lookup in `where`, the query layer's status filter in `filters` (a function,
 * called by the caller with the model as the query builder would; an object here), the same condition
 * repeated inside an `$and`. Null for any other count (a filter, a search, every locale, both states),
 * which the database answers.
 */
export const listCountKeyOf = (params: CountParams): ListCountKey | null => {
  if (params._q !== undefined && params._q !== null && params._q !== '') return null;
  const conditions: Array<[string, unknown]> = [];
  if (!collect(params.where, conditions) || !collect(params.filters, conditions)) return null;
  if (conditions.some(([attribute]) => attribute !== 'locale' && attribute !== 'publishedAt'))
    return null;
  const on = (attribute: string) =>
    conditions.filter(([name]) => name === attribute).map(([, value]) => value);
  const locale = localeOf(on('locale'));
  const published = agreed(on('publishedAt').map(publishedOf));
  if (locale === null || published === null) return null;
  return { locale, published };
};
