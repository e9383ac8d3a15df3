import type { Core } from '@strapi/strapi';
import { searchScope } from './config';
import { SEARCH_ERROR_CODES } from './search';

const hit = {
  type: 'object',
  properties: {
    documentId: { type: 'string' },
    title: { type: 'string' },
    slug: { type: ['string', 'null'] },
    newsCode: { type: ['integer', 'null'] },
    publishedOn: { type: ['string', 'null'], format: 'date-time' },
    matchedIn: { type: 'string', enum: ['title', 'lead', 'body'] },
    snippet: {
      type: ['string', 'null'],
      description: 'Plain text: Markdown reduced to what a reader sees',
    },
    snippetHtml: {
      type: ['string', 'null'],
      description: 'The snippet HTML-escaped, matches in <mark>',
    },
  },
  required: [
    'documentId',
    'title',
    'slug',
    'newsCode',
    'publishedOn',
    'matchedIn',
    'snippet',
    'snippetHtml',
  ],
  additionalProperties: false,
};

const searchAnswer = {
  type: 'object',
  properties: {
    data: { type: 'array', items: hit },
    meta: {
      type: 'object',
      properties: {
        pagination: {
          type: 'object',
          properties: {
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            pageCount: { type: 'integer' },
            total: { type: 'integer', description: 'Exact when totalExact, else a lower bound' },
            totalExact: {
              type: 'boolean',
              description:
                'false beyond SEARCH_EXACT_TOTAL_UP_TO matches: show «بیش از ۱٬۰۰۰ نتیجه»',
            },
          },
          required: ['page', 'pageSize', 'pageCount', 'total', 'totalExact'],
          additionalProperties: false,
        },
        query: {
          type: 'object',
          description: 'The query as understood: its words and its quoted phrases, normalised',
          properties: {
            terms: { type: 'array', items: { type: 'string' } },
            phrases: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          },
          required: ['terms', 'phrases'],
          additionalProperties: false,
        },
      },
      required: ['pagination', 'query'],
      additionalProperties: false,
    },
  },
  required: ['data', 'meta'],
  additionalProperties: false,
};

const query = (
  name: string,
  schema: Record<string, unknown>,
  description: string,
  required = false
) => ({ name, in: 'query', required, schema, description });

export default {
  'content-api': ({ strapi }: { strapi: Core.Strapi }) => ({
    type: 'content-api',
    routes: [
      // Served at /api/search: readers search the newsroom, not a plugin.
      {
        method: 'GET',
        path: '/search',
        handler: 'search.find',
        config: { prefix: '', auth: { scope: searchScope(strapi) } },
        // What the route answers, as JSON Schema: Strapi ignores the key; an app's contract tooling may read it.
        openapi: {
          summary:
            'Search published articles in every spelling (ي/ی, ZWNJ, diacritics, digit sets)',
          errorCodes: { 400: SEARCH_ERROR_CODES },
          query: [
            query(
              'q',
              {
                type: 'string',
                minLength: 1,
                maxLength: 200,
                examples: ['سلیمی', '«دفاتر پیشخوان»'],
              },
              'Words (all must appear) and quoted phrases',
              true
            ),
            query(
              'locale',
              { type: 'string', examples: ['fa'] },
              'The locale searched (fa by default)'
            ),
            query(
              'section',
              { type: 'string', examples: ['ارتباطات-و-فناوری-اطلاعات'] },
              'A section slug or documentId; the sections below it are included'
            ),
            query(
              'from',
              { type: 'string', examples: ['1396/08/01'] },
              'A Jalali date, Tehran midnight'
            ),
            query('to', { type: 'string', examples: ['1396/09/01'] }, 'A Jalali date, exclusive'),
            query('pagination[page]', { type: 'integer', minimum: 1 }, 'Page, from 1'),
            query(
              'pagination[pageSize]',
              { type: 'integer', minimum: 1, maximum: 100 },
              'Hits per page, 1–100 (10 by default)'
            ),
          ],
          responses: {
            200: {
              description:
                'Hits ranked title or kicker first, then lead, then body, newer first within each',
              schema: searchAnswer,
              example: {
                data: [
                  {
                    documentId: 'q3m1x8mjv0yq5o0hr6z2qk0a',
                    title: 'پیش‌بینی یک نماینده مجلس از واگذاری خدمات سازمان‌ها به دفاتر',
                    slug: 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر',
                    newsCode: 1,
                    publishedOn: '2017-10-31T15:53:00.000Z',
                    matchedIn: 'body',
                    snippet: '… اصغر سلیمی گفت …',
                    snippetHtml: '… اصغر <mark>سلیمی</mark> گفت …',
                  },
                ],
                meta: {
                  pagination: { page: 1, pageSize: 10, pageCount: 1, total: 1, totalExact: true },
                  query: { terms: ['سلیمی'], phrases: [] },
                },
              },
            },
          },
        },
      },
    ],
  }),
};
