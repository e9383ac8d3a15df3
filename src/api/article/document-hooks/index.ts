import type { Core } from '@strapi/strapi';
import { checkBodyBlocks } from '../../../lib/write-limits';
import { fillPublishedOn } from './published-on';
import { syncQuotedOfficials } from './quoted-officials';

const WRITES = new Set(['create', 'update', 'publish', 'discardDraft']);

/** Derived article fields, kept right on every write path (REST, GraphQL, admin, importer). */
export const registerArticleDocumentHooks = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::article.article' || !WRITES.has(context.action)) return next();
    checkBodyBlocks((context.params as { data?: { body?: unknown } }).data?.body);
    // In the write's own transaction (joined when one is open): a killed write leaves no half-derived row.
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId =
        (context.params as { documentId?: string }).documentId ??
        (result as { documentId?: string } | null)?.documentId;
      if (documentId) {
        await syncQuotedOfficials(strapi, documentId);
        await fillPublishedOn(strapi, documentId);
      }
      return result;
    });
  });
};
