import type { Core } from '@strapi/strapi';
import { toJalaliFields } from '@pishkhan/jalali-core';
import { searchArticles } from './search';
import { searchScope } from './config';

type Nexus = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `search(q, locale, section, from, to, pagination)`: the same search and answer as GET /api/search. */
export const registerSearchGraphql = (strapi: Core.Strapi): void => {
  if (!strapi.plugin('graphql')) return;
  // `JalaliDateTime` is the jalali-date plugin's type: without that plugin a hit has no Jalali sibling.
  const jalali = Boolean(strapi.plugin('jalali-date'));
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: [
        nexus.objectType({
          name: 'SearchHit',
          definition(t: Nexus) {
            t.nonNull.string('documentId');
            t.nonNull.string('title');
            t.string('slug');
            t.int('newsCode');
            t.string('publishedOn');
            if (jalali)
              t.field('publishedOnJalali', {
                type: 'JalaliDateTime',
                resolve: (hit: { publishedOn: string | null }) =>
                  hit.publishedOn ? toJalaliFields(hit.publishedOn) : null,
              });
            t.nonNull.string('matchedIn', { description: 'title (or kicker), lead or body' });
            t.string('snippet');
            t.string('snippetHtml', { description: 'The snippet HTML-escaped, matches in <mark>' });
          },
        }),
        nexus.objectType({
          name: 'SearchResult',
          definition(t: Nexus) {
            t.nonNull.list.nonNull.field('hits', {
              type: 'SearchHit',
              resolve: (parent: { data: unknown[] }) => parent.data,
            });
            t.nonNull.int('total', {
              description: 'The number of matches, or a lower bound when totalExact is false',
              resolve: (parent: { meta: { pagination: { total: number } } }) =>
                parent.meta.pagination.total,
            });
            t.nonNull.boolean('totalExact', {
              description:
                'False when the matches were counted only up to the configured limit (1,000 by default)',
              resolve: (parent: { meta: { pagination: { totalExact: boolean } } }) =>
                parent.meta.pagination.totalExact,
            });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: Nexus) {
            t.field('search', {
              type: 'SearchResult',
              args: {
                q: nexus.nonNull(nexus.stringArg()),
                locale: nexus.arg({ type: 'I18NLocaleCode' }),
                section: nexus.stringArg(),
                from: nexus.stringArg({ description: 'Jalali date, e.g. 1396/08/01' }),
                to: nexus.stringArg({ description: 'Jalali date, exclusive' }),
                pagination: nexus.arg({ type: 'PaginationArg' }),
              },
              resolve: (
                _parent: unknown,
                args: Record<string, unknown> & {
                  pagination?: { page?: number; pageSize?: number };
                }
              ) =>
                searchArticles(strapi, {
                  ...args,
                  page: args.pagination?.page,
                  pageSize: args.pagination?.pageSize,
                }),
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.search': { auth: { scope: searchScope(strapi) } },
      },
    }));
};
