import type { Core } from '@strapi/strapi';

export const SLUG_TABLE = 'persian_slugs';
export const NEWS_CODE_TABLE = 'persian_slug_news_codes';

/**
 * Two tables of our own, outside Strapi's content types, because they need what a content type cannot
 * declare: a composite unique index that makes a slug free or taken atomically (races between requests
 * and between app instances are settled by the database), and an auto-increment that never hands out a
 * news code twice.
 */
export const ensureTables = async (strapi: Core.Strapi): Promise<void> => {
  // A knex schema builder collects statements: take a fresh one for every call.
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(SLUG_TABLE))) {
    await schema().createTable(SLUG_TABLE, (table) => {
      table.increments('id');
      table.string('content_type', 255).notNullable();
      table.string('locale', 32).notNullable();
      table.string('slug', 255).notNullable();
      // Null while the create that reserved the slug is running (in its transaction, so never committed).
      table.string('document_id', 255).nullable();
      table.string('reservation', 64).nullable();
      // The draft's slug now; and whether a published version ever had this slug (only those redirect).
      table.boolean('is_current').notNullable().defaultTo(true);
      table.boolean('was_published').notNullable().defaultTo(false);
      table.timestamp('created_at').notNullable().defaultTo(strapi.db.connection.fn.now());
      table.unique(['content_type', 'locale', 'slug'], { indexName: 'persian_slugs_unique_slug' });
      table.index(['content_type', 'document_id', 'locale'], 'persian_slugs_document');
    });
  }
  if (!(await schema().hasColumn(SLUG_TABLE, 'was_published'))) {
    await schema().alterTable(SLUG_TABLE, (table) => {
      table.boolean('was_published').notNullable().defaultTo(false);
    });
    // Tables from before the column: their old slugs redirected, and keep doing so.
    await strapi.db
      .connection(SLUG_TABLE)
      .where({ is_current: false })
      .update({ was_published: true });
  }
  if (!(await schema().hasTable(NEWS_CODE_TABLE))) {
    await schema().createTable(NEWS_CODE_TABLE, (table) => {
      table.increments('code');
      table.string('content_type', 255).notNullable();
      table.string('document_id', 255).notNullable();
      table.timestamp('created_at').notNullable().defaultTo(strapi.db.connection.fn.now());
      table.unique(['content_type', 'document_id'], {
        indexName: 'persian_slug_news_codes_document',
      });
    });
  }
};
