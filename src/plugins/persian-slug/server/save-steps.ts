import type { Core } from '@strapi/strapi';
import { ROW_WRITES, SaveContext, SaveStep, SaveStepsService } from '@pishkhan/save-pipeline';
import { SLUG_WRITE_ERROR_CODES } from './errors';
import { slugOf } from './slug-of';
import { slugSpecs } from './specs';
import newsCodes from './services/news-codes';
import registry, { Claim } from './services/registry';

const CLAIM = 'persian-slug.claim';

/**
 * persian-slug's part of the save pipeline (the app orders it: src/save-pipeline.ts). Every entry of a
 * slugged content type gets a slug of its own in its locale:
 * - created without one: made from the target field, the first free of base, base-2, …;
 * - typed by an editor: normalised by the same rule and taken only if no other document has it;
 * - otherwise never changed, so a published URL stays stable when the title is edited.
 * A slug change takes effect for readers when it is published: until then the live slug serves the live
 * version and the draft's slug is unknown to them; once published, the old slug redirects.
 * News codes are given on the first write of a document, after it: a refused write takes none. All in
 * the write's transaction, so a failed write leaves no reserved slug behind.
 */
const saveSteps = ({ strapi }: { strapi: Core.Strapi }): SaveStepsService => {
  const slugs = registry({ strapi });
  const codes = newsCodes({ strapi });
  const specOf = (uid: string) => slugSpecs().get(uid)!;

  const storedSource = async (uid: string, from: string, documentId: string, locale: string) => {
    const row = await strapi.db
      .query(uid)
      .findOne({ where: { documentId, locale }, select: [from] });
    return row?.[from] as string | undefined;
  };

  const claimSlug = async ({ uid, params, locale }: SaveContext): Promise<Claim | null> => {
    const spec = specOf(uid);
    const { documentId } = params;
    const data = { ...(params.data ?? {}) };
    const current = documentId ? await slugs.current(uid, locale, documentId) : null;
    const typed = typeof data[spec.field] === 'string' ? (data[spec.field] as string).trim() : '';
    let claim: Claim | null = null;
    if (typed) {
      const slug = slugOf(typed, spec);
      if (slug !== current) claim = await slugs.claim(uid, locale, slug, spec.field, documentId);
    } else if (!current) {
      const source =
        data[spec.from] ??
        (documentId ? await storedSource(uid, spec.from, documentId, locale) : undefined);
      if (typeof source === 'string' && source.trim())
        claim = await slugs.reserve(uid, locale, slugOf(source, spec), documentId);
    }
    data[spec.field] = claim?.slug ?? current ?? data[spec.field];
    if (spec.newsCodeField) delete data[spec.newsCodeField];
    params.data = data;
    return claim;
  };

  return {
    steps: (): SaveStep[] => [
      {
        name: 'persian-slug.claim',
        phase: 'before',
        serves: (uid) => slugSpecs().has(uid),
        actions: ['create', 'update'],
        errorCodes: SLUG_WRITE_ERROR_CODES,
        needs: ['clean-text'],
        gives: ['slug'],
        async run(context) {
          context.carried.set(CLAIM, await claimSlug(context));
        },
      },
      {
        // The registry follows the stored rows: which slug is current, which was ever published.
        name: 'persian-slug.history',
        phase: 'after',
        serves: (uid) => slugSpecs().has(uid),
        actions: ROW_WRITES,
        needs: ['slug'],
        gives: ['slug-history'],
        async run({ uid, action, params, documentId, carried }) {
          if (action === 'delete')
            return void (await slugs.forget(uid, documentId!, params.locale));
          const claim = carried.get(CLAIM) as Claim | null | undefined;
          if (claim?.reservation) await slugs.attach(claim.reservation, documentId!);
          await slugs.followRows(uid, documentId);
        },
      },
      {
        name: 'persian-slug.news-code',
        phase: 'after',
        serves: (uid) => !!slugSpecs().get(uid)?.newsCodeField,
        actions: ['create', 'update'],
        gives: ['row:newsCode'],
        reads: (uid) => ({ fields: [specOf(uid).newsCodeField!] }),
        async run(context) {
          const field = specOf(context.uid).newsCodeField!;
          const code = await codes.assign(context.uid, context.documentId!);
          for (const row of context.rows)
            if (row[field] === null || row[field] === undefined)
              context.patch(row, { [field]: code });
        },
      },
    ],
  };
};

export default saveSteps;
