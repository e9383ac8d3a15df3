import type { Core } from '@strapi/strapi';
import { slugOf } from '../document-middleware';
import { slugSpecs } from '../specs';
import registry from './registry';
import newsCodes from './news-codes';

/**
 * The slug and news code of a document whose rows the caller writes itself (the importer's direct
 * path), by the same rules as the document middleware's create: the first free slug of the target field,
 * registered as current, and the next news code. In the caller's transaction.
 */
const newDocuments = ({ strapi }: { strapi: Core.Strapi }) => {
  const slugs = registry({ strapi });
  const codes = newsCodes({ strapi });

  return {
    async assign(uid: string, locale: string, documentId: string, data: Record<string, unknown>): Promise<{ slug: string | null; newsCode: number | null }> {
      const spec = slugSpecs().get(uid);
      if (!spec) throw new Error(`${uid} has no persian-slug field`);
      const source = data[spec.from];
      let slug: string | null = null;
      if (typeof source === 'string' && source.trim()) {
        ({ slug } = await slugs.reserve(uid, locale, slugOf(source, spec), documentId));
        await slugs.makeCurrent(uid, locale, documentId, slug);
      }
      const newsCode = spec.newsCodeField ? await codes.assign(uid, documentId) : null;
      return { slug, newsCode };
    },
  };
};

export default newDocuments;
export type NewDocumentsService = ReturnType<typeof newDocuments>;
