import type { Core } from '@strapi/strapi';

/**
 * Every paged list counts its rows, and the admin's list of a content type is sorted by its default
 * field (the title for articles). Strapi indexes neither: at a million stories each count read the whole
 * table and the admin's first page sorted all of it. Partial indexes on one state's rows (drafts: what the
 * admin lists; published: what the public API lists) let a count read an index only, and the admin's
 * default sort stop after its page. Content-type indexes cannot be partial and Strapi's schema sync drops
 * indexes it did not declare, so these are made on every start (`IF NOT EXISTS`: a no-op when there).
 */
type ListIndex = { name: string; table: string; columns: string[]; drafts: boolean };

const DEFAULT_SORT_TYPES = new Set(['string', 'uid', 'customField', 'integer', 'datetime', 'date']);

const columnOf = (meta: { attributes: Record<string, unknown> }, attribute: string) =>
  (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;

/** The indexes a collection type with drafts and locales needs for its lists. */
export const listIndexesOf = async (strapi: Core.Strapi, uid: string): Promise<ListIndex[]> => {
  const meta = strapi.db.metadata.get(uid);
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const configuration = (await contentTypes.findConfiguration(
    contentTypes.findContentType(uid)
  )) as { settings?: { defaultSortBy?: string } };
  const sortBy = configuration.settings?.defaultSortBy;
  const sortable =
    sortBy &&
    sortBy !== 'id' &&
    DEFAULT_SORT_TYPES.has(
      (
        strapi.contentTypes[uid as keyof typeof strapi.contentTypes].attributes[sortBy] as {
          type?: string;
        }
      )?.type ?? ''
    );
  const table = meta.tableName;
  return [
    { name: `${table}_published_list_idx`, table, columns: ['locale', 'id'], drafts: false },
    { name: `${table}_draft_list_idx`, table, columns: ['locale', 'id'], drafts: true },
    ...(sortable
      ? [
          {
            name: `${table}_draft_${columnOf(meta, sortBy)}_list_idx`,
            table,
            columns: ['locale', columnOf(meta, sortBy), 'id'],
            drafts: true,
          },
        ]
      : []),
  ].map((index) => ({ ...index, name: index.name.slice(0, 63) }));
};

export const ensureListIndexes = async (strapi: Core.Strapi): Promise<string[]> => {
  const made: string[] = [];
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    const type = contentType as {
      kind?: string;
      options?: { draftAndPublish?: boolean };
      pluginOptions?: { i18n?: { localized?: boolean } };
    };
    if (
      !uid.startsWith('api::') ||
      type.kind !== 'collectionType' ||
      !type.options?.draftAndPublish ||
      !type.pluginOptions?.i18n?.localized
    )
      continue;
    for (const index of await listIndexesOf(strapi, uid)) {
      await strapi.db.connection.raw(
        `CREATE INDEX IF NOT EXISTS ?? ON ?? (${index.columns.map(() => '??').join(', ')}) WHERE ?? IS ${index.drafts ? '' : 'NOT '}NULL`,
        [index.name, index.table, ...index.columns, 'published_at']
      );
      made.push(index.name);
    }
  }
  return made;
};
