import type { Core } from '@strapi/strapi';
import { reindexDocument } from './indexer';

const CHANGES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** The search index follows every article write, whatever the path: it holds exactly the published versions. */
export const registerIndexing = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::article.article' || !CHANGES.has(context.action)) return next();
    // In the write's own transaction (joined when one is open): the index never disagrees with the table.
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId =
        (context.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId) await reindexDocument(strapi, documentId);
      return result;
    });
  });
};
