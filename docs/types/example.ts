/**
 * A frontend's reads, typed by the generated docs/types/api.d.ts and nothing else (plain fetch, no client
 * library): a section's stories, a story by slug (an old slug's 301 followed), the Jalali archive page by
 * page, and search. tests/api/docs/typed-client.test.ts compiles this file with tsc and runs it against
 * the app. Copy it as a start; `npx openapi-typescript <host>/api/openapi.json -o api.d.ts` makes the types.
 */
import type { operations } from './api';

type Json<Op extends keyof operations, Status extends keyof operations[Op]['responses']> =
  operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } } ? Body : never;

export type ArticleList = Json<'getArticles', 200>;
export type ArticleBySlug = Json<'getArticlesSlugSlug', 200>;
export type ArchivePage = Json<'getArticlesArchiveYearMonth', 200>;
export type SearchAnswer = Json<'getSearch', 200>;

type Query = Record<string, string | number>;

export const newsroom = (base: string) => {
  /** GET /api<path>?<query>: Persian in a query string must be percent-encoded (URLSearchParams does it). */
  const get = async <T>(path: string, query: Query = {}): Promise<T> => {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString();
    const response = await fetch(`${base}/api${path}${search ? `?${search}` : ''}`, { redirect: 'follow' });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  return {
    /** The newest stories of a section (by its slug), with the section and the Jalali date to print. */
    sectionStories: (sectionSlug: string, pageSize = 10) =>
      get<ArticleList>('/articles', {
        'filters[section][slug][$eq]': sectionSlug,
        sort: 'publishedOn:desc',
        'pagination[pageSize]': pageSize,
        'populate[section]': 'true',
        locale: 'fa',
      }),

    /** A story by slug: an old slug answers 301 to the current one, which fetch follows. */
    story: (slug: string) => get<ArticleBySlug>(`/articles/slug/${encodeURIComponent(slug)}`, { locale: 'fa' }),

    /** Every story of a Jalali month, a page at a time. */
    async archiveMonth(year: number, month: number, pageSize = 10) {
      const titles: string[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await get<ArchivePage>(`/articles/archive/${year}/${month}`, { 'pagination[page]': page, 'pagination[pageSize]': pageSize });
        titles.push(...answer.data.map((article) => `${article.publishedOnJalali?.date ?? ''} ${article.title ?? ''}`.trim()));
        const { pagination } = answer.meta;
        if (!('pageCount' in pagination) || page >= pagination.pageCount) return titles;
      }
    },

    /** Hits of a search, with the count to show («بیش از …» when it is not exact). */
    async search(q: string) {
      const answer = await get<SearchAnswer>('/search', { q, locale: 'fa' });
      const { total, totalExact } = answer.meta.pagination;
      return { hits: answer.data.map((hit) => ({ title: hit.title, slug: hit.slug, snippetHtml: hit.snippetHtml })), total, totalExact };
    },
  };
};
