import { promises as fs } from 'fs';
import path from 'path';
import fg from 'fast-glob';
import { MAX_IMPORT_BYTES } from './core';
import type { ImportInput } from './importer';

/** Files a directory argument contributes: stories are text or markdown, with or without an extension. */
export const STORY_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

const isStoryFile = (file: string): boolean => {
  const ext = path.extname(file).toLowerCase();
  return ext === '' || STORY_EXTENSIONS.has(ext);
};

const byPath = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

const toPosix = (file: string): string => file.split(path.sep).join('/');

export interface ExpandedInputs {
  /** Absolute paths, in argument order, each group sorted, without duplicates. */
  files: string[];
  /** Arguments that are neither a file, a directory nor a glob matching anything. */
  unmatched: string[];
}

/**
 * Command-line arguments to files. A file is taken as given (whatever its kind: a binary is reported, not
 * skipped); a directory contributes its story files (*.txt, *.text, *.md, *.markdown or no extension,
 * recursively, hidden ones skipped); anything else is a glob (fast-glob syntax, relative to `cwd`).
 */
export const expandInputs = async (
  args: ReadonlyArray<string>,
  cwd: string
): Promise<ExpandedInputs> => {
  const seen = new Set<string>();
  const files: string[] = [];
  const unmatched: string[] = [];
  const add = (found: string[]) => {
    for (const file of found.sort(byPath)) {
      if (!seen.has(file)) {
        seen.add(file);
        files.push(file);
      }
    }
  };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const stat = await fs.stat(absolute).catch(() => null);
    if (stat?.isFile()) {
      add([absolute]);
    } else if (stat?.isDirectory()) {
      const found = await fg('**/*', {
        cwd: absolute,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: true,
      });
      add(found.map(path.normalize).filter(isStoryFile));
    } else if (fg.isDynamicPattern(toPosix(arg))) {
      const found = await fg(toPosix(arg), { cwd, absolute: true, onlyFiles: true, dot: false });
      if (found.length === 0) unmatched.push(arg);
      add(found.map(path.normalize));
    } else {
      unmatched.push(arg);
    }
  }
  return { files, unmatched };
};

/** A file's bytes for the importer; files over the limit are not read, unreadable ones are reported. */
export const readInput = async (
  file: string,
  name: string,
  maxBytes = MAX_IMPORT_BYTES
): Promise<ImportInput> => {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { name, readError: 'not a regular file' };
    if (stat.size > maxBytes) return { name, size: stat.size };
    return { name, bytes: await fs.readFile(file) };
  } catch (error) {
    return { name, readError: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
};

/** How a file is named in reports: its path relative to the working directory, as it was typed. */
export const displayName = (file: string, cwd: string): string => {
  const relative = path.relative(cwd, file);
  return toPosix(relative === '' || path.isAbsolute(relative) ? file : relative);
};
