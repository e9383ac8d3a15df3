/** The framework-free core of the persian-text plugin: editor-text hygiene, search spelling, queries, snippets. */
export { cleanEditorText } from './hygiene';
export { findControlCharacter } from './control-characters';
export type { ControlCharacter } from './control-characters';
export { indexKey, searchKey, searchWords } from './search-key';
export {
  parseSearchQuery,
  SearchQueryError,
  SEARCH_QUERY_ERROR_CODES,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
} from './query';
export type { SearchQuery } from './query';
export { buildSnippet, snippetHtml } from './snippet';
export type { Snippet } from './snippet';
export { markdownText } from './markdown-text';
export { listSearchFold, storedValueFolds, containsPattern } from './list-search';
