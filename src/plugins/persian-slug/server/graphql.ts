import type { Core } from '@strapi/strapi';
import { getService } from './get-service';
import { resolveSlug } from './lookup';
import type { SlugFieldSpec } from './fields';

type Nexus = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * `articleBySlug(slug, locale)` (and one per slugged type) returns `{ <type>, slug, redirected }`: the
 * published entry and its current slug, with `redirected: true` when the slug asked for is an old one
 * (the default-locale entry, by the same fallback as REST, when the locale asked for has no such slug).
 * `articleByNewsCode(newsCode, locale)` for types with a news code.
 */
export const registerSlugGraphql = (
  strapi: Core.Strapi,
  specs: Map<string, SlugFieldSpec>
): void => {
  if (!strapi.plugin('graphql')) return;
  const { naming } = strapi.plugin('graphql').service('utils');
  const defaultLocale = (): Promise<string> =>
    strapi.plugin('i18n').service('locales').getDefaultLocale();

  const findPublished = (uid: string, documentId: string, locale: string) =>
    strapi.documents(uid as never).findOne({ documentId, locale, status: 'published' } as never);

  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => {
      const types: unknown[] = [];
      const resolversConfig: Record<string, unknown> = {};

      for (const spec of specs.values()) {
        const typeName: string = naming.getTypeName(strapi.contentType(spec.uid as never));
        const field = lowerFirst(typeName);
        const resultType = `${typeName}SlugLookup`;
        const scope = { auth: { scope: [`${spec.uid}.findOne`] } };

        types.push(
          nexus.objectType({
            name: resultType,
            definition(t: Nexus) {
              t.field(field, { type: typeName });
              t.nonNull.string('slug', { description: 'The current slug of the entry' });
              t.nonNull.boolean('redirected', {
                description: 'True when the slug asked for is an old one',
              });
            },
          }),
          nexus.extendType({
            type: 'Query',
            definition(t: Nexus) {
              t.field(`${field}BySlug`, {
                type: resultType,
                args: {
                  slug: nexus.nonNull(nexus.stringArg()),
                  locale: nexus.arg({ type: 'I18NLocaleCode' }),
                },
                async resolve(_parent: unknown, args: { slug: string; locale?: string }) {
                  const fallback = await defaultLocale();
                  const resolution = await resolveSlug(
                    strapi,
                    spec,
                    args.slug,
                    args.locale ?? fallback,
                    fallback
                  );
                  if (resolution.kind === 'missing') return null;
                  const entry = await findPublished(
                    spec.uid,
                    resolution.documentId,
                    resolution.locale
                  );
                  if (!entry) return null;
                  return {
                    [field]: entry,
                    slug: resolution.slug,
                    redirected: resolution.kind === 'moved',
                  };
                },
              });
              if (spec.newsCodeField) {
                t.field(`${field}ByNewsCode`, {
                  type: typeName,
                  args: {
                    newsCode: nexus.nonNull(nexus.intArg()),
                    locale: nexus.arg({ type: 'I18NLocaleCode' }),
                  },
                  async resolve(_parent: unknown, args: { newsCode: number; locale?: string }) {
                    const documentId = await getService(strapi, 'news-codes').documentFor(
                      spec.uid,
                      args.newsCode
                    );
                    return documentId
                      ? findPublished(spec.uid, documentId, args.locale ?? (await defaultLocale()))
                      : null;
                  },
                });
              }
            },
          })
        );
        resolversConfig[`Query.${field}BySlug`] = scope;
        if (spec.newsCodeField) resolversConfig[`Query.${field}ByNewsCode`] = scope;
      }
      return { types, resolversConfig };
    });
};
