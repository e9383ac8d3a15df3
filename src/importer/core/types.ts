import type { ImportErrorCode } from './errors';
import type { KnownOfficial, OfficialReport } from './officials';

export type { KnownOfficial, OfficialReport };

export interface ParseOptions {
  /** Officials the newsroom knows; quotes are attributed only to them. */
  officials?: ReadonlyArray<KnownOfficial>;
  /** Largest accepted story in bytes (UTF-8 for parseStory, file bytes for parseArchiveFile). */
  maxBytes?: number;
}

/** One body entry, mapped 1:1 onto the article's dynamic zone (subheading, paragraph, quote components). */
export interface StoryBlock {
  type: 'subheading' | 'paragraph' | 'quote';
  text: string;
  /** Quotes only: the quoted official's fullName. */
  official?: string;
  /** Quotes only: the role the official held (their known role, else the role the story gives them). */
  role?: string;
}

export interface ParsedStory {
  title: string;
  kicker: string | null;
  lead: string;
  source: string | null;
  sourceUrl: string | null;
  author: string | null;
  /** UTC ISO 8601 with milliseconds, e.g. 2017-10-31T15:53:00.000Z; null when the file has no date line. */
  publishedOn: string | null;
  body: StoryBlock[];
  /** The detected end-of-story marker, normalised («انتهای پیام»), or null when none was typed. */
  footer: string | null;
  /** The reporter/desk code typed with the footer, in Latin digits («انتهای پیام/ ۲۳» → '23'). */
  reporterCode: string | null;
  officials: OfficialReport[];
  /** Short English notes for the import report: what was missing, removed or guessed. */
  warnings: string[];
}

export interface ArchiveFileError {
  code: ImportErrorCode;
  message: string;
  messageFa: string;
  line: number | null;
}

export type ArchiveFileResult =
  | { ok: true; article: ParsedStory; warnings: string[] }
  | { ok: false; error: ArchiveFileError };
