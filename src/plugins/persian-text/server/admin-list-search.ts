import type { Core } from '@strapi/strapi';
import { containsPattern, listSearchFold, storedValueFolds } from '../core';
import { textConfig } from './config';

const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const NUMBER_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
/** More matching stories than this and the search is left to Strapi's own (unfolded) `_q`. */
export const MAX_FOLDED_MATCHES = 10_000;

type Query = Record<string, unknown> & { _q?: unknown; locale?: unknown; filters?: unknown };
type Meta = {
  tableName: string;
  attributes: Record<string, { type: string; columnName?: string }>;
};

/**
 * The documentIds of the entries of `uid` (any version, in `locale` when given) whose searchable fields
 * hold the query once both are folded; null when more than MAX_FOLDED_MATCHES match. The fields are
 * those Strapi's own list search reads (scalar text, and numbers when the query is one).
 */
export const foldedMatches = async (
  strapi: Core.Strapi,
  uid: string,
  q: string,
  locale?: string
): Promise<string[] | null> => {
  const folded = listSearchFold(q);
  const meta = strapi.db.metadata.get(uid) as unknown as Meta;
  const column = (name: string) => meta.attributes[name].columnName ?? name;
  const names = Object.keys(meta.attributes);
  const texts = names.filter((name) => STRING_TYPES.has(meta.attributes[name].type)).map(column);
  const numbers = /^\d+$/.test(folded)
    ? ['id', ...names.filter((name) => NUMBER_TYPES.has(meta.attributes[name].type)).map(column)]
    : [];
  const folds = storedValueFolds(folded);
  // replace(replace(??, ?, ?), ?, ?)…: plain SQL that SQLite and PostgreSQL both run.
  const foldedColumn = folds.reduce((sql) => `replace(${sql}, ?, ?)`, '??');
  const like = strapi.db.dialect.client === 'postgres' ? 'ILIKE' : 'LIKE';
  const pattern = containsPattern(folded);
  const rows: Array<{ document_id: string }> = await strapi.db
    .connection(meta.tableName)
    .distinct('document_id')
    .where((where) => {
      for (const name of texts)
        where.orWhereRaw(`${foldedColumn} ${like} ? ESCAPE '!'`, [name, ...folds.flat(), pattern]);
      for (const name of numbers)
        where.orWhereRaw(`CAST(?? AS TEXT) LIKE ? ESCAPE '!'`, [name, pattern]);
    })
    .modify((query) => {
      if (locale) query.andWhere('locale', locale);
    })
    .limit(MAX_FOLDED_MATCHES + 1);
  return rows.length > MAX_FOLDED_MATCHES ? null : rows.map((row) => row.document_id);
};

/**
 * The content manager's list of the searched type (config `search.uid`) searches with `_q`, which
 * Strapi turns into `LIKE '%q%'` on the raw text: «پیش‌بینی» missed «پیش بینی», ي missed ی. This route middleware (after the admin's
 * authentication and permission policies) replaces `_q` by a filter on the documents whose folded text
 * holds the folded query, so Strapi's own paging, sorting, counts and permission filters still apply.
 */
export const registerAdminListSearch = (strapi: Core.Strapi): void => {
  const routes = (
    strapi.plugin('content-manager').routes as unknown as {
      admin: {
        routes: Array<{
          method: string;
          path: string;
          handler: string;
          config?: { middlewares?: unknown[] };
        }>;
      };
    }
  ).admin.routes;
  const list = routes.find(
    (route) => route.method === 'GET' && route.handler === 'collection-types.find'
  );
  if (!list)
    throw new Error('persian-text: the content manager has no list route to fold its search');
  list.config = {
    ...list.config,
    middlewares: [...(list.config?.middlewares ?? []), foldedListSearch(strapi)],
  };
};

const foldedListSearch =
  (strapi: Core.Strapi) =>
  async (
    ctx: { params: { model?: string }; request: { query: Query } },
    next: () => Promise<unknown>
  ) => {
    const query = ctx.request.query;
    // The searched content type's list (config `search.uid`) folds its search; others are Strapi's.
    const uid = textConfig(strapi).search?.uid;
    if (
      !uid ||
      ctx.params.model !== uid ||
      typeof query._q !== 'string' ||
      listSearchFold(query._q) === ''
    )
      return next();
    const ids = await foldedMatches(
      strapi,
      uid,
      query._q,
      typeof query.locale === 'string' ? query.locale : undefined
    );
    if (!ids) return next();
    const { _q, ...rest } = query;
    const filters = rest.filters && typeof rest.filters === 'object' ? [rest.filters] : [];
    // An empty `$in` would be dropped as no filter at all, listing everything: no match is "no id".
    const matched = ids.length ? { documentId: { $in: ids } } : { id: { $null: true } };
    // Set as an object: through a query string, qs would turn a `$in` list longer than its arrayLimit
    // (100) into an object.
    Object.defineProperty(ctx.request, 'query', {
      value: { ...rest, filters: { $and: [...filters, matched] } },
      writable: true,
      configurable: true,
      enumerable: true,
    });
    return next();
  };
