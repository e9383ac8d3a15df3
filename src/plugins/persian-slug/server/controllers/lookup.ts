import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../get-service';
import { parseNewsCode, resolveSlug } from '../lookup';
import { slugSpecs } from '../specs';

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};
type FindOne = () => Promise<unknown>;
type FoundResponse = { data?: unknown; meta?: Record<string, unknown> } | undefined;

const specFor = (uid: string) => {
  const spec = slugSpecs().get(uid);
  if (!spec) throw new Error(`${uid} has no persian-slug field`);
  return spec;
};

/**
 * The content API's slug and news-code routes call these with the content type's own findOne, so the
 * answer is the same document, populated, sanitized and extended exactly as `GET /api/<type>/:id` would.
 */
const lookupController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async bySlug(ctx: Ctx, uid: string, findOne: FindOne) {
    const spec = specFor(uid);
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : defaultLocale;
    const resolution = await resolveSlug(strapi, spec, ctx.params.slug, locale, defaultLocale);
    if (resolution.kind === 'missing')
      throw new errors.NotFoundError('No published entry has this slug');
    if (resolution.kind === 'moved') {
      const { pluralName } = strapi.contentType(uid as never).info;
      ctx.status = 301;
      ctx.set(
        'Location',
        `/api/${pluralName}/slug/${encodeURIComponent(resolution.slug)}?locale=${encodeURIComponent(locale)}`
      );
      ctx.body = { redirect: { slug: resolution.slug, locale } };
      return ctx.body;
    }
    ctx.params.id = resolution.documentId;
    ctx.query = { ...ctx.query, locale: resolution.locale };
    const response = (await findOne()) as FoundResponse;
    if (resolution.locale === locale || !response?.data) return response;
    // The same answer as findOne's own fallback to the default locale (src/lib/locale-fallback.ts).
    ctx.set('Content-Language', resolution.locale);
    return {
      ...response,
      meta: { ...response.meta, localeFallback: { requested: locale, served: resolution.locale } },
    };
  },

  async byNewsCode(ctx: Ctx, uid: string, findOne: FindOne) {
    const code = parseNewsCode(ctx.params.newsCode);
    const documentId = await getService(strapi, 'news-codes').documentFor(uid, code);
    if (!documentId) throw new errors.NotFoundError('No entry has this news code');
    ctx.params.id = documentId;
    return findOne();
  },
});

export default lookupController;
