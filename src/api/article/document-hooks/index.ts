import type { Core } from '@strapi/strapi';
import { checkBodyBlocks } from '../../../lib/write-limits';
import { fillPublishedOn } from './published-on';
import { syncQuotedOfficials } from './quoted-officials';
import { bringAnswerUpToDate, WrittenRow } from './stored-answer';

const WRITES = new Set(['create', 'update', 'publish', 'discardDraft']);

/** Derived article fields, kept right on every write path (REST, GraphQL, admin, importer). */
export const registerArticleDocumentHooks = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::article.article' || !WRITES.has(context.action)) return next();
    checkBodyBlocks((context.params as { data?: { body?: unknown } }).data?.body);
    // In the write's own transaction (joined when one is open): a killed write leaves no half-derived row.
    return strapi.db.transaction(async () => {
      const result = await next();
      const params = context.params as { documentId?: string; populate?: never };
      const written = result as WrittenRow | null;
      const documentId = params.documentId ?? written?.documentId;
      if (documentId) {
        const rewritten = await syncQuotedOfficials(strapi, documentId);
        const filled = await fillPublishedOn(strapi, documentId);
        if (written && (context.action === 'create' || context.action === 'update')) {
          await bringAnswerUpToDate(strapi, written, params.populate, { rewritten, filled });
        }
      }
      return result;
    });
  });
};
