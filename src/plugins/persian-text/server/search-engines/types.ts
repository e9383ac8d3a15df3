import type { SearchQuery } from '../../core';

/** One published article version as the index keeps it: its texts as written, for snippets. */
export interface IndexedArticle {
  documentId: string;
  locale: string;
  sectionDocumentId: string | null;
  publishedOn: string | null;
  /** What a hit shows besides its snippet, kept here so a search reads no article rows. */
  title: string;
  slug: string | null;
  newsCode: number | null;
  heading: string;
  lead: string;
  body: string;
}

export interface SearchOptions {
  locale: string;
  sections?: string[];
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
  /** Matches are counted up to this many; beyond it the total is a lower bound (`totalExact: false`). */
  exactTotalUpTo: number;
}

/** 0: matched in title or kicker, 1: in the lead, 2: only in the body. */
export type Tier = 0 | 1 | 2;

export interface SearchPage {
  /** The number of matches when `totalExact`; otherwise a lower bound (at least `exactTotalUpTo`). */
  total: number;
  totalExact: boolean;
  hits: Array<IndexedArticle & { tier: Tier }>;
}

/** The database's own full-text search behind one interface: FTS5 on SQLite, tsvector/GIN on PostgreSQL. */
export interface SearchEngine {
  /** Creates the index if missing; 'rebuild' when it had to be made anew over existing articles. */
  ensure(): Promise<'ready' | 'rebuild'>;
  replace(documentId: string, rows: IndexedArticle[]): Promise<void>;
  /** Adds rows of documents the index does not hold yet (a rebuild, after `clear`). */
  append(rows: IndexedArticle[]): Promise<void>;
  clear(): Promise<void>;
  /** After a rebuild: what the database needs to plan and read the new index well. */
  optimize(): Promise<void>;
  search(query: SearchQuery, options: SearchOptions): Promise<SearchPage>;
}
