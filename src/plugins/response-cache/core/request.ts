/**
 * Which requests the cache may answer, and under which key. No Strapi here: the adapter hands over the
 * parts of the request that matter.
 */
import { createHash } from 'crypto';
import type { ResponseCacheOptions } from './options';
import { list } from './options';

export interface CompiledRoute {
  name: string;
  pattern: RegExp;
  cacheControl: string;
}

export interface RequestFacts {
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  querystring: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Decision =
  /** Not a route the cache knows: pass through untouched. */
  | { kind: 'pass' }
  /** A cacheable route, but this request must not be answered from the cache (nor stored). */
  | { kind: 'bypass'; reason: BypassReason; route?: CompiledRoute }
  /** A cacheable REST read. `key` is the generation-free part of the cache key. */
  | { kind: 'rest'; key: string; route: CompiledRoute }
  /** A GraphQL POST: the body decides (see graphql.ts). */
  | { kind: 'graphql'; cacheControl: string };

export type BypassReason =
  | 'authorization'
  | 'session'
  | 'draft'
  | 'mutation'
  | 'unparsable'
  | 'unavailable';

export const compileRoutes = (options: ResponseCacheOptions): CompiledRoute[] =>
  Object.entries(options.routes)
    .filter(([, rule]) => rule && rule.enabled !== false)
    .map(([name, rule]) => ({
      name,
      pattern: new RegExp(rule.match),
      cacheControl: rule.cacheControl ?? options.cacheControl,
    }));

const header = (headers: RequestFacts['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** True when the Cookie header holds one of the named cookies. */
export const hasSessionCookie = (
  cookieHeader: string | undefined,
  names: readonly string[]
): boolean => {
  if (!cookieHeader || names.length === 0) return false;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (names.includes(name)) return true;
  }
  return false;
};

/**
 * The query string with its parameters in a stable order: sorted by name, and parameters of one name kept
 * in the order given (`a[]=x&a[]=y` differs from `a[]=y&a[]=x`, `a=1&b=2` equals `b=2&a=1`).
 */
export const normalizeQuerystring = (querystring: string): string => {
  if (!querystring) return '';
  const parts = querystring.split('&').filter(Boolean);
  if (parts.length < 2) return parts.join('&');
  const named = parts.map((part, index) => {
    const eq = part.indexOf('=');
    return { name: eq === -1 ? part : part.slice(0, eq), part, index };
  });
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index));
  return named.map((entry) => entry.part).join('&');
};

/** `status=draft` (or anything but `published`) asks for drafts: never from or into the cache. */
const asksForDrafts = (querystring: string): boolean => {
  if (!querystring.includes('status')) return false;
  for (const part of querystring.split('&')) {
    const eq = part.indexOf('=');
    const name = decodeSafe(eq === -1 ? part : part.slice(0, eq));
    if (name !== 'status') continue;
    const value = eq === -1 ? '' : decodeSafe(part.slice(eq + 1));
    if (value !== 'published') return true;
  }
  return false;
};

const decodeSafe = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

export interface Classifier {
  classify(request: RequestFacts): Decision;
}

export const createClassifier = (options: ResponseCacheOptions): Classifier => {
  const routes = compileRoutes(options);
  const cookies = list(options.bypassCookies);
  const graphqlPath = options.graphql.enabled ? options.graphql.path : null;
  const graphqlCacheControl = options.graphql.cacheControl ?? options.cacheControl;

  return {
    classify({ method, path, querystring, headers }) {
      let route: CompiledRoute | undefined;
      let graphql = false;
      if (method === 'GET' || method === 'HEAD') {
        route = routes.find((candidate) => candidate.pattern.test(path));
        if (!route) return { kind: 'pass' };
      } else if (method === 'POST' && graphqlPath !== null && path === graphqlPath) {
        graphql = true;
      } else {
        return { kind: 'pass' };
      }

      if (header(headers, 'authorization'))
        return { kind: 'bypass', reason: 'authorization', route };
      if (hasSessionCookie(header(headers, 'cookie'), cookies))
        return { kind: 'bypass', reason: 'session', route };
      if (graphql) {
        const type = header(headers, 'content-type') ?? '';
        if (!/^application\/(?:graphql-response\+)?json\b/i.test(type))
          return { kind: 'bypass', reason: 'unparsable' };
        return { kind: 'graphql', cacheControl: graphqlCacheControl };
      }
      if (asksForDrafts(querystring)) return { kind: 'bypass', reason: 'draft', route };
      const normalized = normalizeQuerystring(querystring);
      return {
        kind: 'rest',
        key: `GET ${path}${normalized ? `?${normalized}` : ''}`,
        route: route!,
      };
    },
  };
};

/** The short, fixed-length form of a key used in stores. */
export const hashKey = (key: string): string => createHash('sha1').update(key).digest('base64url');
