import type { Core } from '@strapi/strapi';

export interface ContentColumns {
  table: string;
  slug: string;
  documentId: string;
  locale: string;
  publishedAt: string;
}

/** Where a slugged content type keeps what the registry compares with, for statements of our own. */
export const contentColumns = (
  strapi: Core.Strapi,
  uid: string,
  slugField: string
): ContentColumns => {
  const meta = strapi.db.metadata.get(uid);
  const column = (name: string) =>
    (meta.attributes[name] as { columnName?: string } | undefined)?.columnName ?? name;
  return {
    table: meta.tableName,
    slug: column(slugField),
    documentId: column('documentId'),
    locale: column('locale'),
    publishedAt: column('publishedAt'),
  };
};
