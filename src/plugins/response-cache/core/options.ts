/**
 * The response cache's settings (`config/plugins.ts` → `'response-cache': { config }`), their defaults and
 * their validation. No Strapi here.
 *
 * Maps rather than arrays where an entry may be overridden: Strapi fills a plugin's config from its defaults
 * with `defaultsDeep`, which would merge arrays index by index.
 */

export interface RouteRule {
  /** A regular expression on the request path (`ctx.path`, still percent-encoded). */
  match: string;
  /** The `Cache-Control` sent with cached answers of this route; the global `cacheControl` when unset. */
  cacheControl?: string;
  /** `false` takes the route out of the cache. */
  enabled?: boolean;
}

export interface ResponseCacheOptions {
  /** `false` (env `RESPONSE_CACHE=false`): no caching, no headers, no invalidation: plain Strapi. */
  enabled: boolean;
  /** Bound of the in-process LRU, in MiB of stored bodies and headers (also the local copy in Redis mode). */
  maxMemoryMb: number;
  /** Answers larger than this (KiB) are served but not stored. */
  maxEntryKb: number;
  /** Lifetime of an entry in seconds. Only a memory and safety bound: entries never go stale by themselves. */
  ttlSeconds: number;
  /** Default `Cache-Control` of cached answers (per route: `routes.<name>.cacheControl`). */
  cacheControl: string;
  /** Added to `Vary` on cached answers. */
  vary: string;
  /** Cacheable GET routes, by name. */
  routes: Record<string, RouteRule>;
  graphql: { enabled: boolean; path: string; cacheControl?: string; maxBodyKb: number };
  /** Redis: shared entries and a shared generation. Empty `url`: the embedded cache. */
  redis: { url: string; prefix: string; timeoutMs: number; connectTimeoutMs: number };
  /** Embedded mode: the file whose size is the generation, shared by the processes of one host. */
  generationFile: string;
  /** Request cookies that mark an admin or user session: such requests bypass the cache. Comma-separated. */
  bypassCookies: string;
  /** Response headers stored with an entry and replayed on a hit. Comma-separated, lower case. */
  storeHeaders: string;
  /** Document service content types whose writes invalidate. Comma-separated uids; `prefix*` allowed. */
  documents: string;
  /** Database models whose writes outside the document service invalidate (`strapi.db.query`, lifecycles). */
  models: string;
  /**
   * Of the core store (`strapi::core-store`), the keys whose writes invalidate: the default locale and the
   * users-permissions settings. Others (upload metrics, admin view settings) do not change public answers.
   */
  coreStoreKeys: string;
}

export const DEFAULT_OPTIONS: ResponseCacheOptions = {
  enabled: true,
  maxMemoryMb: 64,
  maxEntryKb: 1024,
  ttlSeconds: 600,
  cacheControl: 'public, max-age=0, s-maxage=0, must-revalidate',
  vary: 'Authorization',
  routes: {
    articles: { match: '^/api/articles(?:/[^/]+)?/?$' },
    articleLookups: { match: '^/api/articles/(?:slug|code)/[^/]+/?$' },
    articleArchive: { match: '^/api/articles/archive/[^/]+(?:/[^/]+){0,2}/?$' },
    sections: { match: '^/api/sections(?:/[^/]+)?/?$' },
    sectionLookups: { match: '^/api/sections/slug/[^/]+/?$' },
    officials: { match: '^/api/officials(?:/[^/]+)?/?$' },
    officialLookups: { match: '^/api/officials/slug/[^/]+/?$' },
    search: { match: '^/api/search/?$' },
  },
  graphql: { enabled: true, path: '/graphql', maxBodyKb: 256 },
  redis: { url: '', prefix: '', timeoutMs: 250, connectTimeoutMs: 1000 },
  generationFile: '',
  bypassCookies: 'strapi_admin_refresh,jwtToken',
  storeHeaders: 'content-type,content-language,location',
  documents: 'api::*',
  models:
    'api::*,plugin::upload.file,plugin::users-permissions.permission,plugin::users-permissions.role,plugin::i18n.locale,strapi::core-store',
  coreStoreKeys: 'plugin_i18n_*,plugin_users-permissions_*',
};

export class OptionsError extends Error {}

const positive = (value: unknown, name: string): void => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new OptionsError(
      `response-cache: ${name} must be a positive number (got ${String(value)})`
    );
  }
};

/** Throws on settings that cannot work; returns them unchanged otherwise. */
export const validateOptions = (options: ResponseCacheOptions): ResponseCacheOptions => {
  positive(options.maxMemoryMb, 'maxMemoryMb');
  positive(options.maxEntryKb, 'maxEntryKb');
  positive(options.ttlSeconds, 'ttlSeconds');
  positive(options.redis.timeoutMs, 'redis.timeoutMs');
  positive(options.graphql.maxBodyKb, 'graphql.maxBodyKb');
  if (options.maxEntryKb > options.maxMemoryMb * 1024) {
    throw new OptionsError('response-cache: maxEntryKb cannot exceed maxMemoryMb');
  }
  for (const [name, rule] of Object.entries(options.routes)) {
    if (typeof rule?.match !== 'string')
      throw new OptionsError(`response-cache: routes.${name}.match must be a string`);
    try {
      new RegExp(rule.match);
    } catch (error) {
      throw new OptionsError(
        `response-cache: routes.${name}.match is not a regular expression: ${(error as Error).message}`
      );
    }
  }
  return options;
};

/** `a, b ,c` → ['a', 'b', 'c'] (lower-cased when asked). */
export const list = (value: string, lower = false): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (lower ? part.toLowerCase() : part));

/** A matcher for comma-separated uids where `prefix*` matches every uid starting with `prefix`. */
export const uidMatcher = (patterns: string): ((uid: string) => boolean) => {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const pattern of list(patterns)) {
    if (pattern.endsWith('*')) prefixes.push(pattern.slice(0, -1));
    else exact.add(pattern);
  }
  const memo = new Map<string, boolean>();
  return (uid) => {
    let known = memo.get(uid);
    if (known === undefined) {
      known = exact.has(uid) || prefixes.some((prefix) => uid.startsWith(prefix));
      memo.set(uid, known);
    }
    return known;
  };
};
