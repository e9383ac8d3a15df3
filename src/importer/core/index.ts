/** The framework-free core of the archive importer: bytes of an archived story to a structured article. */
export { decodeArchiveBytes } from './decode';
export type { ArchiveEncoding, DecodedArchive } from './decode';
export { parseStory } from './parse-story';
export { parseArchiveFile } from './archive-file';
export { contentHash } from './content-hash';
export { ImportError } from './errors';
export type { ImportErrorCode } from './errors';
export { MAX_IMPORT_BYTES } from './limits';
export type {
  ArchiveFileError,
  ArchiveFileResult,
  KnownOfficial,
  OfficialReport,
  ParseOptions,
  ParsedStory,
  StoryBlock,
} from './types';
