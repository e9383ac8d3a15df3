import path from 'path';
import { Piscina } from 'piscina';
import type { ArchiveFileResult } from './core/types';
import type { KnownOfficial } from './core/officials';

let pool: Piscina | null = null;

// Beside this file in the compiled app (dist/); from the TypeScript sources (the API tests import them)
// the compiled copy in dist/, which a worker thread can load.
const workerFile = __filename.endsWith('.ts')
  ? path.resolve(__dirname, '..', '..', 'dist', 'src', 'importer', 'parse-worker.js')
  : path.join(__dirname, 'parse-worker.js');

/**
 * Parses files in a worker thread: a 2 MiB archive file is 0.5–1.5 s of pure CPU, which on the main
 * thread left every reader unanswered for the whole of an import's parse. A batch's files go in one
 * task (a task a file cloned the officials and paid the hand-over each time). One thread, so that the
 * other core keeps serving; kept warm for 10 s between files, and never holding the process open when
 * idle.
 */
export const parseInWorker = (
  files: ReadonlyArray<Uint8Array>,
  officials: ReadonlyArray<KnownOfficial>
): Promise<ArchiveFileResult[]> => {
  pool ??= new Piscina({ filename: workerFile, minThreads: 0, maxThreads: 1, idleTimeout: 10_000 });
  return pool.run({ files, officials });
};
