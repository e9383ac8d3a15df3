import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

/**
 * Strapi lists a content type by its first four fields: for articles the id and the long slug pushed the
 * news code, status, «موجود در» and the row actions off a 1366 px laptop screen (with the section and
 * publication date the admin adds, src/admin/content-manager/list-columns.tsx). The newsroom's default
 * is the title alone, beside the section, date, status and «موجود در»; the id, slug and news code are a
 * column choice away. Only Strapi's untouched default is replaced: columns an administrator configured
 * are kept.
 */
const STRAPI_DEFAULT = ['id', 'title', 'slug', 'newsCode'];
const NEWSROOM_DEFAULT = ['title'];

type Configuration = { layouts: { list: string[] } & Record<string, unknown> } & Record<
  string,
  unknown
>;

export const fitArticleListColumns = async (strapi: Core.Strapi): Promise<void> => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = contentTypes.findContentType(ARTICLE);
  const configuration: Configuration = await contentTypes.findConfiguration(contentType);
  if (configuration.layouts.list.join() !== STRAPI_DEFAULT.join()) return;
  await contentTypes.updateConfiguration(contentType, {
    ...configuration,
    layouts: { ...configuration.layouts, list: NEWSROOM_DEFAULT },
  });
};
