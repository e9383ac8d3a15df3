/** How the command line turns its arguments into files (no Strapi needed). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { displayName, expandInputs, readInput } from '../../../src/importer/files';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'pishkhan-files-'));
  const files = [
    'a/1.txt',
    'a/2.md',
    'a/10.txt',
    'a/notes',
    'a/photo.jpg',
    'a/.hidden.txt',
    'a/deep/3.markdown',
    'b/x.txt',
    'b/y.text',
  ];
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'x');
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const names = (files: string[]) => files.map((file) => displayName(file, root));

describe('expandInputs', () => {
  it('a directory gives its story files recursively, in natural order, without hidden or binary-looking ones', async () => {
    const { files, unmatched } = await expandInputs(['a'], root);
    expect(names(files)).toEqual(['a/1.txt', 'a/2.md', 'a/10.txt', 'a/deep/3.markdown', 'a/notes']);
    expect(unmatched).toEqual([]);
  });

  it('a file is taken as given, whatever its extension; globs are expanded; duplicates dropped', async () => {
    const { files } = await expandInputs(
      ['a/photo.jpg', 'b/*.t*', 'b/x.txt', path.join(root, 'a', '1.txt')],
      root
    );
    expect(names(files)).toEqual(['a/photo.jpg', 'b/x.txt', 'b/y.text', 'a/1.txt']);
  });

  it('reports arguments that match nothing', async () => {
    const { files, unmatched } = await expandInputs(['missing.txt', 'c/*.txt', 'b/x.txt'], root);
    expect(names(files)).toEqual(['b/x.txt']);
    expect(unmatched).toEqual(['missing.txt', 'c/*.txt']);
  });

  it('names files relative to the working directory, also above it', () => {
    expect(displayName(path.join(root, 'a', '1.txt'), path.join(root, 'b'))).toBe('../a/1.txt');
  });
});

describe('readInput', () => {
  it('does not read a file over the limit, and reports unreadable ones', async () => {
    const file = path.join(root, 'big.txt');
    writeFileSync(file, Buffer.alloc(2048, 'a'));
    expect(await readInput(file, 'big.txt', 1024)).toEqual({ name: 'big.txt', size: 2048 });
    expect(await readInput(file, 'big.txt', 4096)).toMatchObject({
      name: 'big.txt',
      bytes: expect.any(Buffer),
    });
    expect(await readInput(path.join(root, 'nope.txt'), 'nope.txt')).toEqual({
      name: 'nope.txt',
      readError: 'ENOENT',
    });
    expect(await readInput(path.join(root, 'a'), 'a')).toEqual({
      name: 'a',
      readError: 'not a regular file',
    });
  });
});
