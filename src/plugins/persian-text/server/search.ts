import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  buildSnippet,
  markdownText,
  parseSearchQuery,
  SEARCH_QUERY_ERROR_CODES,
  SearchQueryError,
  snippetHtml,
} from '../core';
import { JALALI_DATE_ERROR_CODES, JalaliDateError, parseJalaliToUtc } from '@pishkhan/jalali-core';
import { getEngine } from './engine';
import { textConfig } from './config';
import { wholeNumberProblem } from '@pishkhan/persian-text-rules';

/** What a search is refused with (400): the query, or a `from`/`to` that is not a Jalali date. */
export const SEARCH_ERROR_CODES = [...SEARCH_QUERY_ERROR_CODES, ...JALALI_DATE_ERROR_CODES];

export interface SearchParams {
  q?: unknown;
  locale?: unknown;
  section?: unknown;
  from?: unknown;
  to?: unknown;
  page?: unknown;
  pageSize?: unknown;
}

const MATCHED_IN = ['title', 'lead', 'body'] as const;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The search's pages: Strapi's own pagination limits (a page of at most 100, offsets within GraphQL's Int). */
const SEARCH_PAGINATION = {
  page: { min: 1, max: 2 ** 31 - 1 },
  pageSize: { min: 1, max: 100 },
} as const;

const paginationNumber = (value: unknown, fallback: number, key: 'page' | 'pageSize'): number => {
  if (value === undefined || value === null || value === '') return fallback;
  const { min, max } = SEARCH_PAGINATION[key];
  const problem = wholeNumberProblem(value, `pagination[${key}]`, min, max);
  if (problem) {
    const { message, ...details } = problem;
    throw new errors.ValidationError(message, details);
  }
  return Number(value);
};

const jalaliBound = (value: unknown, name: string): Date | undefined => {
  if (!text(value)) return undefined;
  try {
    return parseJalaliToUtc(text(value));
  } catch (error) {
    if (error instanceof JalaliDateError) {
      throw new errors.ValidationError(`Invalid ${name} date: ${error.message}`, {
        code: error.code,
        messageFa: error.messageFa,
      });
    }
    throw error;
  }
};

/** The published section with this slug or documentId and every section below it. */
const sectionSubtree = async (
  strapi: Core.Strapi,
  key: string,
  locale: string
): Promise<string[]> => {
  const { uid, parent, slug } = textConfig(strapi).search!.section;
  const rows: Array<Record<string, unknown> & { documentId: string }> = await strapi.db
    .query(uid)
    .findMany({
      where: { locale, publishedAt: { $notNull: true } },
      select: ['documentId', slug],
      populate: { [parent]: { select: ['documentId'] } },
    });
  const parentOf = (row: Record<string, unknown>) =>
    (row[parent] as { documentId: string } | null)?.documentId;
  const found = new Set(
    rows.filter((row) => row.documentId === key || row[slug] === key).map((row) => row.documentId)
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      const above = parentOf(row);
      if (above && found.has(above) && !found.has(row.documentId)) {
        found.add(row.documentId);
        grew = true;
      }
    }
  }
  return [...found];
};

/**
 * Published articles matching a reader's query whatever spelling either side used. `from`/`to` are Jalali
 * dates (Tehran midnight; `to` is exclusive). Bad input is a 400 naming the problem, never a 500.
 */
export const searchArticles = async (strapi: Core.Strapi, params: SearchParams) => {
  let query;
  try {
    query = parseSearchQuery(text(params.q));
  } catch (error) {
    if (error instanceof SearchQueryError) {
      throw new errors.ValidationError(error.message, {
        code: error.code,
        messageFa: error.messageFa,
      });
    }
    throw error;
  }
  const locale =
    text(params.locale) || (await strapi.plugin('i18n').service('locales').getDefaultLocale());
  const page = paginationNumber(params.page, 1, 'page');
  const pageSize = paginationNumber(params.pageSize, 10, 'pageSize');
  const sections = text(params.section)
    ? await sectionSubtree(strapi, text(params.section), locale)
    : undefined;

  const result = await getEngine(strapi).search(query, {
    locale,
    sections,
    from: jalaliBound(params.from, 'from'),
    to: jalaliBound(params.to, 'to'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
    exactTotalUpTo: strapi.plugin('persian-text').config('searchExactTotalUpTo') as number,
  });

  const wanted = [...query.terms, ...query.phrases.flat()];

  return {
    data: result.hits.map((hit) => {
      // The body is Markdown: the snippet is the text a reader sees of it.
      const matched =
        hit.tier === 0 ? hit.heading : hit.tier === 1 ? hit.lead : markdownText(hit.body);
      const snippet = buildSnippet(matched, wanted) ?? buildSnippet(hit.lead, wanted);
      // `publishedOnJalali` is added next to `publishedOn` like everywhere else: by the REST middleware
      // (plugin::jalali-date.rest) and by the GraphQL type.
      return {
        documentId: hit.documentId,
        title: hit.title,
        slug: hit.slug,
        newsCode: hit.newsCode,
        publishedOn: hit.publishedOn,
        matchedIn: MATCHED_IN[hit.tier],
        snippet: snippet?.text ?? null,
        snippetHtml: snippet ? snippetHtml(snippet) : null,
      };
    }),
    meta: {
      pagination: {
        page,
        pageSize,
        pageCount: Math.ceil(result.total / pageSize),
        total: result.total,
        totalExact: result.totalExact,
      },
      query: { terms: query.terms, phrases: query.phrases },
    },
  };
};
