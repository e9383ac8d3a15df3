/**
 * The embedded cache's generation: the number every cache key carries, moved by every write.
 *
 * By default it is a file: every write appends one byte (`O_APPEND`, atomic between processes) and the
 * generation is the file's identity and size, read with one `stat` per request (a few microseconds). So
 * every process on the host that shares the database — `npm run import`, `npm run search:rebuild`, a PM2
 * cluster on one SQLite file — invalidates the others. When the file cannot be used, a counter in this
 * process takes over (and only this process's writes invalidate).
 */
import fs from 'fs';
import path from 'path';

export interface LocalGeneration {
  readonly kind: 'file' | 'process';
  read(): string;
  bump(): void;
}

export class FileGeneration implements LocalGeneration {
  readonly kind = 'file' as const;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, 'a'));
  }

  read(): string {
    try {
      const stat = fs.statSync(this.file);
      // Identity (inode, birth time) as well as size: a file deleted and made anew never repeats a generation.
      return `${stat.ino}.${stat.birthtimeMs}.${stat.size}`;
    } catch {
      // Deleted under us: the next bump makes it again; until then nothing can be trusted.
      this.bump();
      return `missing.${Date.now()}.${process.hrtime.bigint()}`;
    }
  }

  bump(): void {
    fs.appendFileSync(this.file, '.');
  }
}

export class ProcessGeneration implements LocalGeneration {
  readonly kind = 'process' as const;
  private counter = 0;
  private readonly epoch = `${process.pid}.${Date.now()}`;

  read(): string {
    return `${this.epoch}.${this.counter}`;
  }

  bump(): void {
    this.counter += 1;
  }
}
