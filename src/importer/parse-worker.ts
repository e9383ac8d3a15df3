import { parseArchiveFile } from './core';
import type { KnownOfficial } from './core/officials';

/** The pure parse of one file, run in a worker thread by parse-pool.ts (bytes arrive as a Uint8Array). */
export default ({
  bytes,
  officials,
}: {
  bytes: Uint8Array;
  officials: ReadonlyArray<KnownOfficial>;
}) =>
  parseArchiveFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { officials });
