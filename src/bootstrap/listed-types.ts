import type { Core } from '@strapi/strapi';

/**
 * The content types whose lists the app indexes and counts: our own localized collection types with
 * drafts, the ones the public lists and the admin's list page through a locale's drafts or published
 * rows.
 */
export const listedTypes = (strapi: Core.Strapi): string[] =>
  Object.entries(strapi.contentTypes)
    .filter(([uid, contentType]) => {
      const type = contentType as {
        kind?: string;
        options?: { draftAndPublish?: boolean };
        pluginOptions?: { i18n?: { localized?: boolean } };
      };
      return (
        uid.startsWith('api::') &&
        type.kind === 'collectionType' &&
        Boolean(type.options?.draftAndPublish) &&
        Boolean(type.pluginOptions?.i18n?.localized)
      );
    })
    .map(([uid]) => uid);
