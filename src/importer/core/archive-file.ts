import { decodeArchiveBytes } from './decode';
import { ImportError, internalError, tooLarge } from './errors';
import { MAX_IMPORT_BYTES } from './limits';
import { parseStory } from './parse-story';
import type { ArchiveFileResult, ParseOptions } from './types';

/**
 * One archive file to an article or a per-document error; never throws for a bad document, so a batch
 * import can report each file and go on. The size limit applies to the file's bytes. Decoding notes
 * (Windows-1256) come first in the warnings. An unexpected failure is reported as INTERNAL_ERROR.
 */
export const parseArchiveFile = (
  bytes: Uint8Array | Buffer,
  options: ParseOptions = {}
): ArchiveFileResult => {
  try {
    const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
    const decoded = decodeArchiveBytes(bytes);
    const story = parseStory(decoded.text, { ...options, maxBytes: Number.POSITIVE_INFINITY });
    const warnings = [
      ...(decoded.encoding === 'windows-1256'
        ? ['Decoded as Windows-1256 (the file is not UTF-8)']
        : []),
      ...story.warnings,
    ];
    return { ok: true, article: { ...story, warnings }, warnings };
  } catch (caught) {
    const error = caught instanceof ImportError ? caught : internalError(caught);
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        messageFa: error.messageFa,
        line: error.line,
      },
    };
  }
};
