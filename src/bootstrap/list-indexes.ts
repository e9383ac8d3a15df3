import type { Core } from '@strapi/strapi';
import { listedTypes } from './listed-types';

/**
 * Every paged list counts its rows, the public lists are read newest first, and the admin's list of a
 * content type is sorted by its default field (the title for articles). Strapi indexes none of these: at
 * 100,000 stories on PostgreSQL each count read the whole table (115 ms), page 1,000 of the newest-first
 * list sorted all published rows (336 ms) and the admin's first page sorted all drafts. Partial indexes on
 * one state's rows, the locale first:
 * - published rows by the Jalali date, newest first, then id (the order Strapi asks for: date desc, id asc):
 *   the public list walks it and stops, a month's range is a range of it, and a count reads it alone;
 * - drafts (what the admin lists) by the admin's default sort, then id: its first page stops after its rows
 *   and its count reads the index alone.
 * A list's count of a whole locale and state is read from its maintained counter instead (list-counts.ts):
 * these indexes still serve the counts of a filtered list (a month of the archive).
 * The locale comes first so that SQLite, which plans without statistics, takes these for a list of one
 * locale and still takes a date range of the month archive (an index on the locale and id alone made it
 * walk every published row for a month: 221 ms against 1.4 among 100,000). Content-type indexes cannot
 * be partial or descending, and Strapi's schema sync drops indexes it did not declare, so these are made
 * on every start (`IF NOT EXISTS`: a no-op when they are there).
 */
type ListIndex = { name: string; table: string; columns: string[]; drafts: boolean };

const JALALI_FIELD = 'plugin::jalali-date.datetime';
const SORTABLE_TYPES = new Set(['string', 'uid', 'integer', 'datetime', 'date']);

type Attribute = { type?: string; customField?: string; columnName?: string };

/** The indexes of one localized collection type with drafts. */
export const listIndexesOf = async (strapi: Core.Strapi, uid: string): Promise<ListIndex[]> => {
  const meta = strapi.db.metadata.get(uid);
  const attributes = strapi.contentTypes[uid as keyof typeof strapi.contentTypes]
    .attributes as Record<string, Attribute>;
  const column = (name: string) =>
    (meta.attributes[name] as Attribute | undefined)?.columnName ?? name;
  const quote = (name: string) => strapi.db.connection.raw('??', [name]).toQuery();
  const table = meta.tableName;
  const indexes: ListIndex[] = [];
  const dated = Object.keys(attributes).find(
    (name) => attributes[name].customField === JALALI_FIELD
  );
  if (dated)
    indexes.push({
      name: `${table}_published_newest_idx`,
      table,
      columns: [quote('locale'), `${quote(column(dated))} DESC`, quote('id')],
      drafts: false,
    });
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const configuration = (await contentTypes.findConfiguration(
    contentTypes.findContentType(uid)
  )) as { settings?: { defaultSortBy?: string } };
  const sortBy = configuration.settings?.defaultSortBy;
  if (sortBy && sortBy !== 'id' && SORTABLE_TYPES.has(attributes[sortBy]?.type ?? ''))
    indexes.push({
      name: `${table}_draft_${column(sortBy)}_list_idx`,
      table,
      columns: [quote('locale'), quote(column(sortBy)), quote('id')],
      drafts: true,
    });
  return indexes.map((index) => ({ ...index, name: index.name.slice(0, 63) }));
};

export const ensureListIndexes = async (strapi: Core.Strapi): Promise<string[]> => {
  const made: string[] = [];
  for (const uid of listedTypes(strapi)) {
    for (const index of await listIndexesOf(strapi, uid)) {
      await strapi.db.connection.raw(
        `CREATE INDEX IF NOT EXISTS ?? ON ?? (${index.columns.join(', ')}) WHERE ?? IS ${index.drafts ? '' : 'NOT '}NULL`,
        [index.name, index.table, 'published_at']
      );
      made.push(index.name);
    }
  }
  return made;
};
