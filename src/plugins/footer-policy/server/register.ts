import type { Core } from '@strapi/strapi';
import { handleArticleWrite } from './article-hooks';
import { handleSectionWrite } from './section-hooks';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action)) return next();
    const params = context.params as never;
    if (context.uid === 'api::article.article') return handleArticleWrite(strapi, context.action, params, next) as never;
    if (context.uid === 'api::section.section') return handleSectionWrite(strapi, context.action, params, next) as never;
    return next();
  });
};
