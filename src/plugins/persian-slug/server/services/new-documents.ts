import type { Core } from '@strapi/strapi';
import { firstFreeCandidate } from '../../core';
import { registeredCandidates } from '../registered-candidates';
import { slugOf } from '../slug-of';
import { slugSpecs } from '../specs';
import { SLUG_TABLE } from '../tables';
import { inTransaction } from '../transaction';
import newsCodes from './news-codes';
import registry from './registry';

const specFor = (uid: string) => {
  const spec = slugSpecs().get(uid);
  if (!spec) throw new Error(`${uid} has no persian-slug field`);
  return spec;
};

/**
 * Slugs and news codes of documents whose rows the caller writes itself (the importer's direct path),
 * by the document middleware's rules for a create: the first free of base, base-2, … (registered as the
 * document's current slug), and the next news code, a batch at a time. In the caller's transaction.
 */
const newDocuments = ({ strapi }: { strapi: Core.Strapi }) => {
  const slugs = registry({ strapi });

  return {
    /** The slug the target field makes (null when empty); a field with nothing to slug is a validation error. */
    slugBase(uid: string, data: Record<string, unknown>): string | null {
      const spec = specFor(uid);
      const source = data[spec.from];
      return typeof source === 'string' && source.trim() ? slugOf(source, spec) : null;
    },

    /** `published`: the documents are written with a published version, so their slugs are live. */
    async assignMany(
      uid: string,
      locale: string,
      documents: Array<{ documentId: string; slugBase: string | null }>,
      published: boolean
    ) {
      const spec = specFor(uid);
      return inTransaction(strapi, async (trx) => {
        const needed = new Map<string, number>();
        for (const { slugBase } of documents)
          if (slugBase) needed.set(slugBase, (needed.get(slugBase) ?? 0) + 1);
        const taken = new Set((await registeredCandidates(trx, uid, locale, needed)).keys());
        const chosen: Array<string | null> = [];
        for (const { slugBase } of documents) {
          const slug = slugBase
            ? await firstFreeCandidate(slugBase, (candidate) => !taken.has(candidate))
            : null;
          if (slug) taken.add(slug);
          chosen.push(slug);
        }
        const wanted = documents.flatMap(({ documentId }, at) =>
          chosen[at]
            ? [
                {
                  content_type: uid,
                  locale,
                  slug: chosen[at]!,
                  document_id: documentId,
                  is_current: true,
                  was_published: published,
                },
              ]
            : []
        );
        for (let start = 0; start < wanted.length; start += 200) {
          await trx(SLUG_TABLE)
            .insert(wanted.slice(start, start + 200))
            .onConflict(['content_type', 'locale', 'slug'])
            .ignore();
        }
        // Who owns each row decides, as in the registry: a slug another writer took meanwhile is reserved again.
        const owners = new Map<string, string | null>();
        for (let start = 0; start < wanted.length; start += 500) {
          const rows: Array<{ slug: string; document_id: string | null }> = await trx(SLUG_TABLE)
            .select('slug', 'document_id')
            .where({ content_type: uid, locale })
            .whereIn(
              'slug',
              wanted.slice(start, start + 500).map((row) => row.slug)
            );
          for (const row of rows) owners.set(row.slug, row.document_id);
        }
        const assigned: Array<string | null> = [];
        for (const [at, { documentId, slugBase }] of documents.entries()) {
          const slug = chosen[at];
          if (slug && owners.get(slug) !== documentId) {
            const claim = await slugs.reserve(uid, locale, slugBase!, documentId);
            await slugs.makeCurrent(uid, locale, documentId, claim.slug, published);
            assigned.push(claim.slug);
          } else {
            assigned.push(slug);
          }
        }

        const codes = spec.newsCodeField
          ? await newsCodes({ strapi }).assignMany(
              uid,
              documents.map(({ documentId }) => documentId)
            )
          : new Map<string, number>();
        return documents.map(({ documentId }, at) => ({
          slug: assigned[at],
          newsCode: codes.get(documentId) ?? null,
        }));
      });
    },
  };
};

export default newDocuments;
export type NewDocumentsService = ReturnType<typeof newDocuments>;
