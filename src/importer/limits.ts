import { positiveInt } from '../lib/write-limits';
import { MAX_IMPORT_BYTES } from './core';

/**
 * Limits of the archive importer (documented in README.md beside this file).
 *
 * - Each file: at most MAX_IMPORT_BYTES (2 MiB) — larger files are a per-document TOO_LARGE error and
 *   are not read into memory by the command line.
 * - `POST /api/import`: at most MAX_API_FILES files and MAX_API_TOTAL_BYTES of file content per request,
 *   both overridable with the IMPORT_API_MAX_FILES / IMPORT_API_MAX_TOTAL_BYTES environment variables.
 *   A request holds one HTTP connection while every document is written; larger archives belong to the
 *   command line.
 */
export { MAX_IMPORT_BYTES };

export const MAX_API_FILES = 100;

export const MAX_API_TOTAL_BYTES = 20 * 1024 * 1024;

export const apiLimits = (): { maxFiles: number; maxTotalBytes: number; maxFileBytes: number } => ({
  maxFiles: positiveInt(process.env.IMPORT_API_MAX_FILES, MAX_API_FILES),
  maxTotalBytes: positiveInt(process.env.IMPORT_API_MAX_TOTAL_BYTES, MAX_API_TOTAL_BYTES),
  maxFileBytes: MAX_IMPORT_BYTES,
});
