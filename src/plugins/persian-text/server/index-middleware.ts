import type { Core } from '@strapi/strapi';
import { reindexDocument } from './indexer';

const CHANGES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** The search index follows every article write, whatever the path: it holds exactly the published versions. */
export const registerIndexing = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid !== 'api::article.article' || !CHANGES.has(context.action)) return result;
    const documentId =
      (context.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await reindexDocument(strapi, documentId);
    return result;
  });
};
