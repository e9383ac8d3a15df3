import type { Core } from '@strapi/strapi';
import type { SlugFieldSpec } from './fields';
import { NEWS_CODE_TABLE, SLUG_TABLE } from './tables';
import type { RegistryService } from './services/registry';

/**
 * Our tables follow the content tables. After data arrived without them (a `strapi import`, rows written
 * by hand), every stored slug and news code is registered again, so none can be handed out twice; the
 * news-code counter continues after the highest code; which slugs are current and published is read
 * from the rows again. Slug history cannot be recovered this way.
 */
export const reconcileRegistry = async (
  strapi: Core.Strapi,
  specs: Map<string, SlugFieldSpec>,
  registry: Pick<RegistryService, 'followRows'>
): Promise<void> => {
  const knex = strapi.db.connection;
  for (const spec of specs.values()) {
    const meta = strapi.db.metadata.get(spec.uid);
    const column = (name: string) =>
      (meta.attributes[name] as { columnName?: string }).columnName ?? name;
    await knex.raw(
      `INSERT INTO ${SLUG_TABLE} (content_type, locale, slug, document_id)
       SELECT DISTINCT ?, t.locale, t.??, t.document_id FROM ?? t
       WHERE t.?? IS NOT NULL AND t.?? <> ''
         AND NOT EXISTS (SELECT 1 FROM ${SLUG_TABLE} s WHERE s.content_type = ? AND s.locale = t.locale AND s.slug = t.??)
       ON CONFLICT DO NOTHING`,
      [
        spec.uid,
        column(spec.field),
        meta.tableName,
        column(spec.field),
        column(spec.field),
        spec.uid,
        column(spec.field),
      ]
    );
    await registry.followRows(spec.uid);
    if (!spec.newsCodeField) continue;
    const code = column(spec.newsCodeField);
    await knex.raw(
      `INSERT INTO ${NEWS_CODE_TABLE} (code, content_type, document_id)
       SELECT MIN(t.??), ?, t.document_id FROM ?? t
       WHERE t.?? IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${NEWS_CODE_TABLE} n WHERE n.content_type = ? AND n.document_id = t.document_id)
         AND NOT EXISTS (SELECT 1 FROM ${NEWS_CODE_TABLE} n WHERE n.code = t.??)
       GROUP BY t.document_id
       ON CONFLICT DO NOTHING`,
      [code, spec.uid, meta.tableName, code, spec.uid, code]
    );
  }
  if (strapi.db.config.connection.client === 'postgres') {
    await knex.raw(
      `SELECT setval(pg_get_serial_sequence('${NEWS_CODE_TABLE}', 'code'), GREATEST((SELECT COALESCE(MAX(code), 0) FROM ${NEWS_CODE_TABLE}), 1), (SELECT COUNT(*) > 0 FROM ${NEWS_CODE_TABLE}))`
    );
  }
};
