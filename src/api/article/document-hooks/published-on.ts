import type { Core } from '@strapi/strapi';

const UID = 'api::article.article';

/**
 * `publishedOn` is the editorial date shown to readers; when an editor leaves it empty it becomes the
 * moment the article was first published, on both the draft and the published row so they stay equal.
 * Returns the value filled in, by locale.
 */
export const fillPublishedOn = async (strapi: Core.Strapi, documentId: string): Promise<Map<string, unknown>> => {
  const published = await strapi.db.query(UID).findMany({
    where: { documentId, publishedAt: { $notNull: true }, publishedOn: { $null: true } },
    select: ['locale', 'publishedAt'],
  });
  const filled = new Map<string, unknown>();
  for (const { locale, publishedAt } of published) {
    await strapi.db.query(UID).updateMany({
      where: { documentId, locale, publishedOn: { $null: true } },
      data: { publishedOn: publishedAt },
    });
    filled.set(locale, publishedAt);
  }
  return filled;
};
