import type { Core } from '@strapi/strapi';
import { inputFieldMessages } from '../src/graphql/input-field-messages';
import { operationLimits } from '../src/graphql/operation-limits';

const allowedMediaTypes = ['image/*', 'video/*', 'audio/*', 'application/pdf'];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

/** GraphQL lists' page size when none is asked for; the cost budget counts a list at this size too. */
const GRAPHQL_DEFAULT_PAGE_SIZE = 25;

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  // Refused before execution with a 400 naming the limit (docs/api.md, "GraphQL limits").
  const limits = operationLimits({
    // A news page never needs more than article → body block → official → photo → url.
    depth: env.int('GRAPHQL_DEPTH_LIMIT', 8),
    aliases: env.int('GRAPHQL_MAX_ALIASES', 15),
    directives: env.int('GRAPHQL_MAX_DIRECTIVES', 20),
    tokens: env.int('GRAPHQL_MAX_TOKENS', 1000),
    budget: env.int('GRAPHQL_COST_BUDGET', 3000),
    fullAccessBudget: env.int('GRAPHQL_COST_BUDGET_FULL_ACCESS', 30000),
    defaultPageSize: GRAPHQL_DEFAULT_PAGE_SIZE,
  });
  return {
    'users-permissions': {
      config: {
        jwtManagement: 'refresh',
        sessions: { httpOnly: true },
      },
    },
    upload: {
      config: {
        security: { allowedTypes: allowedMediaTypes, deniedTypes },
      },
    },
    'response-cache': {
      enabled: true,
      resolve: './src/plugins/response-cache',
      config: {
        enabled: env.bool('RESPONSE_CACHE', true),
        maxMemoryMb: env.int('RESPONSE_CACHE_MAX_MB', 64),
        maxEntryKb: env.int('RESPONSE_CACHE_MAX_ENTRY_KB', 1024),
        ttlSeconds: env.int('RESPONSE_CACHE_TTL', 600),
        cacheControl: env(
          'RESPONSE_CACHE_CONTROL',
          'public, max-age=0, s-maxage=0, must-revalidate'
        ),
        generationFile: env('RESPONSE_CACHE_GENERATION_FILE', ''),
        redis: {
          url: env('REDIS_URL', ''),
          prefix: env('RESPONSE_CACHE_REDIS_PREFIX', ''),
          timeoutMs: env.int('RESPONSE_CACHE_REDIS_TIMEOUT_MS', 250),
          connectTimeoutMs: env.int('RESPONSE_CACHE_REDIS_CONNECT_TIMEOUT_MS', 1000),
        },
      },
    },
    'jalali-date': { enabled: true, resolve: './src/plugins/jalali-date' },
    // The admin's view of scheduled publishing (the scheduler and its API are the app's: src/scheduling).
    scheduling: { enabled: true, resolve: './src/plugins/scheduling' },
    'footer-policy': {
      enabled: true,
      resolve: './src/plugins/footer-policy',
      config: {
        // The newsroom-wide footer; sections may inherit it, use it, use their own text, or print none.
        text: env('FOOTER_TEXT', 'انتهای پیام'),
        mode: env('FOOTER_MODE', 'standard'),
        articles: {
          uid: 'api::article.article',
          section: 'section',
          body: 'body',
          reporterCode: 'reporterCode',
          footer: 'footer',
          footerLine: 'footerLine',
          footerNotes: 'footerNotes',
        },
        sections: {
          uid: 'api::section.section',
          parent: 'parent',
          mode: 'footerMode',
          text: 'footerText',
        },
        blocks: {
          paragraph: ['article.paragraph'],
          subheading: ['article.subheading'],
          quote: ['article.quote'],
          text: 'text',
        },
      },
    },
    // The order of every plugin's save steps is src/save-pipeline.ts's, not this file's.
    'persian-text': {
      enabled: true,
      resolve: './src/plugins/persian-text',
      config: {
        hygieneLocales: ['fa'],
        hygieneFields: {
          'api::article.article': [
            'title',
            'kicker',
            'lead',
            'author',
            'source',
            'body.text',
            'body.role',
            'body.caption',
          ],
          'api::section.section': ['name', 'description'],
          'api::official.official': ['fullName', 'aliases', 'role', 'organization', 'bio'],
        },
        nonBlankFields: {
          'api::article.article': { title: 'عنوان' },
          'api::section.section': { name: 'نام سرویس' },
          'api::official.official': { fullName: 'نام مقام' },
        },
        // A search's total is exact up to this many matches, a lower bound beyond (docs/api.md, "Search").
        searchExactTotalUpTo: env.int('SEARCH_EXACT_TOTAL_UP_TO', 1000),
        search: {
          uid: 'api::article.article',
          title: 'title',
          kicker: 'kicker',
          lead: 'lead',
          slug: 'slug',
          newsCode: 'newsCode',
          publishedOn: 'publishedOn',
          body: { field: 'body', text: 'text' },
          section: {
            relation: 'section',
            uid: 'api::section.section',
            parent: 'parent',
            slug: 'slug',
          },
        },
      },
    },
    'persian-slug': { enabled: true, resolve: './src/plugins/persian-slug' },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // Strapi's own depth rule counts from 0 and names no figure: it is left at a depth the token limit
        // makes unreachable, and the limits below (counted as a reader counts) answer instead.
        depthLimit: env.int('GRAPHQL_MAX_TOKENS', 1000),
        defaultLimit: GRAPHQL_DEFAULT_PAGE_SIZE,
        maxLimit: 100,
        landingPage: env('NODE_ENV') !== 'production',
        apolloServer: {
          introspection: true,
          // Error answers carry no stack traces, in any environment.
          includeStacktraceInErrorResponses: false,
          ...limits,
          // Unknown input fields refused with a Persian messageFa too, as REST's are.
          plugins: [...limits.plugins, inputFieldMessages()],
        },
      },
    },
  };
};

export default config;
