import type { Core } from '@strapi/strapi';

/**
 * Archive and date-filter queries are range scans on the Jalali columns; an index keeps their cost flat as
 * the archive grows. Strapi's schema sync drops indexes it did not declare, so they are (re)made on every
 * start; `IF NOT EXISTS` makes that a no-op when they are there.
 */
export const ensureDateIndexes = async (
  strapi: Core.Strapi,
  attributes: Map<string, string[]>
): Promise<void> => {
  for (const [uid, names] of attributes) {
    if (!uid.startsWith('api::')) continue;
    const meta = strapi.db.metadata.get(uid);
    for (const name of names) {
      const column = (meta.attributes[name] as { columnName?: string }).columnName ?? name;
      const index = `${meta.tableName}_${column}_jalali_idx`.slice(0, 63);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)`, [
        index,
        meta.tableName,
        column,
        'locale',
        'published_at',
      ]);
    }
  }
};
