import { searchWords } from './search-key';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 12;

export interface SearchQuery {
  /** Words that must all appear, in any order. */
  terms: string[];
  /** Word sequences that must appear in this order. */
  phrases: string[][];
}

export const SEARCH_QUERY_ERROR_CODES = ['EMPTY_QUERY', 'QUERY_TOO_LONG'] as const;

export class SearchQueryError extends RangeError {
  constructor(
    readonly code: (typeof SEARCH_QUERY_ERROR_CODES)[number],
    message: string,
    readonly messageFa: string
  ) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

const QUOTED = /«([^»]*)»|"([^"]*)"|“([^”]*)”/g;

/** A reader's query: quoted parts («…» or "…") are phrases, the rest are words. FTS syntax is just text. */
export const parseSearchQuery = (raw: string): SearchQuery => {
  if (raw.length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(
      'QUERY_TOO_LONG',
      `The search query is ${raw.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted.`,
      `عبارت جست‌وجو بیش از ${MAX_QUERY_LENGTH} نویسه است؛ آن را کوتاه‌تر کنید.`
    );
  }
  const phrases: string[][] = [];
  const rest = raw.replace(QUOTED, (_match, a?: string, b?: string, c?: string) => {
    const words = searchWords(a ?? b ?? c ?? '');
    if (words.length > 1) phrases.push(words);
    return words.length === 1 ? ` ${words[0]} ` : ' ';
  });
  const terms = [...new Set(searchWords(rest))];
  if (terms.length === 0 && phrases.length === 0) {
    throw new SearchQueryError(
      'EMPTY_QUERY',
      'The search query has no letters or digits.',
      'عبارت جست‌وجو هیچ حرف یا رقمی ندارد.'
    );
  }
  return { terms: terms.slice(0, MAX_QUERY_TERMS), phrases: phrases.slice(0, MAX_QUERY_TERMS) };
};
