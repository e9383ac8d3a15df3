import type { Core } from '@strapi/strapi';

const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

type Auth = { strategy?: { name?: string }; credentials?: { type?: string } } | undefined;

/** Drafts are for the newsroom: the admin, and full-access API tokens (used for previews). */
const mayReadDrafts = (auth: Auth): boolean =>
  auth?.strategy?.name === 'admin' ||
  (auth?.strategy?.name === 'content-api-token' && auth.credentials?.type === 'full-access');

/**
 * Strapi 5's content API returns drafts to anyone who adds `?status=draft` (REST) or
 * `status: DRAFT` (GraphQL). Embargoed stories must never reach readers, so every document read made
 * while serving a request by anyone else is forced to the published versions. Reads outside a request
 * (bootstrap, importer, scripts) are left as asked.
 */
export const registerPublishedOnlyReads = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (READS.has(context.action) && context.uid.startsWith('api::')) {
      const request = strapi.requestContext.get();
      if (request && !mayReadDrafts(request.state?.auth as Auth)) {
        (context.params as { status?: string }).status = 'published';
      }
    }
    return next();
  });
};
