import type { ParsedStory } from './core';

/** The parsed article as the dry run reports it: the story without its warnings (reported beside it). */
export type ReportedArticle = Omit<ParsedStory, 'warnings'>;

/**
 * Why a document was not imported. Codes of the parser (EMPTY_FILE, BINARY_FILE, UNKNOWN_ENCODING,
 * TOO_LARGE, NO_TITLE, NO_LEAD, BAD_DATE, MERGED_STORIES, INTERNAL_ERROR) and of the writer:
 * READ_ERROR (the file could not be read), INVALID_ARTICLE (the CMS refused the article, e.g. a lead
 * over 3,000 characters), WRITE_ERROR (any other failure while writing; nothing of it was kept).
 */
export interface DocumentError {
  code: string;
  message: string;
  messageFa?: string;
  /** 1-based line of the file, or null when the problem is the whole file. */
  line: number | null;
}

export type ImportAction = 'created' | 'updated' | 'skipped';

export interface FailedDocument {
  file: string;
  ok: false;
  error: DocumentError;
}

/** One document of a dry run: exactly what the issue specifies. */
export type DryRunDocument =
  | { file: string; ok: true; article: ReportedArticle; warnings: string[] }
  | FailedDocument;

/** One document of a real run. */
export type ImportedDocument =
  | {
      file: string;
      ok: true;
      action: ImportAction;
      documentId: string;
      title: string;
      warnings: string[];
      /** Officials created for this document (with createOfficials). */
      createdOfficials: string[];
    }
  | FailedDocument;

export interface ImportSummary {
  /** New articles. */
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
}

export const emptySummary = (): ImportSummary => ({
  imported: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
});

export const reportedArticle = ({
  warnings: _warnings,
  ...article
}: ParsedStory): ReportedArticle => article;
