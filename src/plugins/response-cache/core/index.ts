/** The framework-free core of the response cache: what is cacheable, keys, entries, the bounded store. */
export { DEFAULT_OPTIONS, validateOptions, OptionsError, list, uidMatcher } from './options';
export type { ResponseCacheOptions, RouteRule } from './options';
export {
  createClassifier,
  normalizeQuerystring,
  hasSessionCookie,
  hashKey,
  compileRoutes,
} from './request';
export type { Decision, BypassReason, RequestFacts, CompiledRoute, Classifier } from './request';
export { createGraphqlClassifier } from './graphql';
export type { GraphqlParser, GraphqlDecision, GraphqlClassifier } from './graphql';
export { stableStringify } from './stable-json';
export {
  makeEntry,
  encodeEntry,
  decodeEntry,
  etagOf,
  entrySize,
  matchesIfNoneMatch,
  STORABLE_STATUSES,
} from './entry';
export type { Entry } from './entry';
export { containsDraft } from './drafts';
export { MemoryStore } from './memory-store';
export type { Tagged, MemoryStoreStats } from './memory-store';
