import type { Core } from '@strapi/strapi';
import { handleArticleWrite } from './article-hooks';
import { handleSectionWrite } from './section-hooks';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action)) return next();
    const params = context.params as never;
    // The footers are refreshed in the write's own transaction (joined when one is open).
    if (context.uid === 'api::article.article') {
      return strapi.db.transaction(() => handleArticleWrite(strapi, context.action, params, next)) as never;
    }
    if (context.uid === 'api::section.section') {
      return strapi.db.transaction(() => handleSectionWrite(strapi, context.action, params, next)) as never;
    }
    return next();
  });
};
