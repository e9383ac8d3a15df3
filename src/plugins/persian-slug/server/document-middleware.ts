import type { Core } from '@strapi/strapi';
import type { SlugFieldSpec } from './fields';
import { slugOf } from './slug-of';
import { getService } from './get-service';
import type { Claim } from './services/registry';

type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };
type Next = Parameters<Parameters<Core.Strapi['documents']['use']>[0]>[1];

/**
 * Gives every entry of a slugged content type a slug of its own in its locale:
 * - created without one: made from the target field, the first free of base, base-2, …;
 * - typed by an editor: normalised by the same rule and taken only if no other document has it;
 * - otherwise never changed, so a published URL stays stable when the title is edited.
 * A slug change takes effect for readers when it is published: until then the live slug serves the live
 * version and the draft's slug is unknown to them; once published, the old slug redirects.
 * News codes are assigned on the first write of a document.
 */
export const registerSlugMiddleware = (strapi: Core.Strapi, specs: Map<string, SlugFieldSpec>): void => {
  const registry = getService(strapi, 'registry');
  const newsCodes = getService(strapi, 'news-codes');
  const defaultLocale = (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

  const storedSource = async (spec: SlugFieldSpec, documentId: string, locale: string) => {
    const row = await strapi.db.query(spec.uid).findOne({ where: { documentId, locale }, select: [spec.from] });
    return row?.[spec.from] as string | undefined;
  };

  strapi.documents.use(async (context, next) => {
    const spec = specs.get(context.uid);
    if (!spec) return next();
    const params = context.params as Params;

    // One transaction for the registry and the write (our other middlewares join it): a failed or killed
    // write leaves no reserved slug behind, and a deleted document's slugs go with it.
    if (context.action === 'delete') {
      return strapi.db.transaction(async () => {
        const result = await next();
        if (params.documentId) await registry.forget(spec.uid, params.documentId, params.locale);
        return result;
      });
    }
    if (context.action === 'publish' || context.action === 'unpublish' || context.action === 'discardDraft') {
      return strapi.db.transaction(async () => {
        const result = await next();
        if (params.documentId) await registry.followRows(spec.uid, params.documentId);
        return result;
      });
    }
    if (context.action !== 'create' && context.action !== 'update') return next();
    return strapi.db.transaction(() => write(spec, params, next));
  });

  const write = async (spec: SlugFieldSpec, params: Params, next: Next): Promise<Awaited<ReturnType<Next>>> => {
    const locale = params.locale && params.locale !== '*' ? params.locale : await defaultLocale();
    const { documentId } = params;
    const data = { ...(params.data ?? {}) };
    const current = documentId ? await registry.current(spec.uid, locale, documentId) : null;
    const typed = typeof data[spec.field] === 'string' ? (data[spec.field] as string).trim() : '';

    let claim: Claim | null = null;
    if (typed) {
      const slug = slugOf(typed, spec);
      if (slug !== current) claim = await registry.claim(spec.uid, locale, slug, spec.field, documentId);
    } else if (!current) {
      const source = data[spec.from] ?? (documentId ? await storedSource(spec, documentId, locale) : undefined);
      if (typeof source === 'string' && source.trim()) {
        claim = await registry.reserve(spec.uid, locale, slugOf(source, spec), documentId);
      }
    }
    data[spec.field] = claim?.slug ?? current ?? data[spec.field];
    if (spec.newsCodeField) delete data[spec.newsCodeField];
    params.data = data;

    const result = await next();
    const saved = result as { documentId?: string } & Record<string, unknown> | null;
    const savedId = documentId ?? saved?.documentId;
    if (!savedId) return result;
    if (claim?.reservation) await registry.attach(claim.reservation, savedId);
    await registry.followRows(spec.uid, savedId);
    if (spec.newsCodeField) {
      const code = await newsCodes.assign(spec.uid, savedId);
      await strapi.db.query(spec.uid).updateMany({
        where: { documentId: savedId, [spec.newsCodeField]: { $null: true } },
        data: { [spec.newsCodeField]: code },
      });
      if (saved) saved[spec.newsCodeField] = code;
    }
    return result;
  };
};
