import { parseArchiveFile } from './core';
import type { KnownOfficial } from './core/officials';

/** The pure parse of files, run in a worker thread by parse-pool.ts (bytes arrive as Uint8Arrays). */
export default ({
  files,
  officials,
}: {
  files: ReadonlyArray<Uint8Array>;
  officials: ReadonlyArray<KnownOfficial>;
}) =>
  files.map((bytes) =>
    parseArchiveFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { officials })
  );
