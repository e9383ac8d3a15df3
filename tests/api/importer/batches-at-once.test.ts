/**
 * The command line writes two batches (100 files each) at once on PostgreSQL, each in its own
 * transaction (one at a time on SQLite, where the same runs must give the same rows). What two batches
 * in flight could break: a story in both, a slug both want, and a section's or official's next place in
 * its list, which both would read before either commits.
 */
import { spawn } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Knex } from 'knex';
import { applyTestEnv } from '../../harness/test-env';
import { createTestDatabase, TestDatabase } from '../../harness/database';
import { replaceLine, story } from './helpers';

jest.setTimeout(240_000);

const appDir = path.resolve(__dirname, '..', '..', '..');
const SECTION = 'دفاتر-پیشخوان';
let database: TestDatabase;
let work: string;
let knex: Knex;

beforeAll(async () => {
  applyTestEnv();
  database = await createTestDatabase();
  work = mkdtempSync(path.join(os.tmpdir(), 'pishkhan-batches-'));
});
afterAll(async () => {
  await knex?.destroy();
  rmSync(work, { recursive: true, force: true });
  await database?.drop();
});

const importFolder = (folder: string): Promise<{ code: number | null; out: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['scripts/import.js', folder, '--publish', '--section', SECTION, '--no-build'],
      {
        cwd: appDir,
        env: { ...process.env, ...database.env, SEED_DEMO: 'true', LOG_LEVEL: 'error' },
      }
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });

/** The database the command wrote, read after it exited. */
const db = (): Knex => {
  knex ??= require('knex')(
    database.env.DATABASE_CLIENT === 'sqlite'
      ? {
          client: 'better-sqlite3',
          connection: { filename: database.env.DATABASE_FILENAME },
          useNullAsDefault: true,
        }
      : { client: 'pg', connection: database.env.DATABASE_URL }
  );
  return knex;
};

const writeFolder = (name: string, stories: Array<[file: string, text: string]>): string => {
  const folder = path.join(work, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of stories) writeFileSync(path.join(folder, file), text);
  return folder;
};

const numbered = (from: number, count: number, text: (n: number) => string = story) =>
  Array.from({ length: count }, (_, k): [string, string] => [
    `story-${from + k}.txt`,
    text(from + k),
  ]);

it('a section’s list gets one place per link, every story once, when two batches are written at once', async () => {
  // 230 stories (three batches), different titles: no slug makes one batch wait for the other.
  const stories = numbered(3000, 230);
  // A copy of a first-batch story in the second batch (sorted after story-3099): both are in flight.
  stories.push(['story-3099-copy.txt', story(3050)]);
  const run = await importFolder(writeFolder('orders', stories));
  expect({ code: run.code, out: run.code === 0 ? '' : run.out.slice(-800) }).toEqual({
    code: 0,
    out: '',
  });
  expect(run.out).toMatch(/^Imported 230, updated 0, skipped 1, failed 0 /m);

  const keys = await db()('articles')
    .whereNotNull('import_key')
    .groupBy('import_key', 'published_at')
    .havingRaw('count(*) > 1')
    .select('import_key');
  expect(keys).toEqual([]);
  // Per section row (the draft's links and the published version's): no two links share a place.
  const places = await db()('articles_section_lnk')
    .select('section_id')
    .count({ links: '*' })
    .countDistinct({ places: 'article_ord' })
    .groupBy('section_id');
  expect(places.length).toBeGreaterThan(0);
  for (const row of places) expect(Number(row.places)).toBe(Number(row.links));
  const linked = places.reduce((sum, row) => sum + Number(row.links), 0);
  expect(linked).toBeGreaterThanOrEqual(2 * 230);
});

it('stories of both batches with one title get distinct slugs', async () => {
  const title = 'تیتر مشترک دو دسته';
  const stories = numbered(4000, 220, (n) =>
    replaceLine(story(n), `تیتر خبر آزمایشی شماره ${n}`, title)
  );
  const run = await importFolder(writeFolder('slugs', stories));
  expect({ code: run.code, out: run.code === 0 ? '' : run.out.slice(-800) }).toEqual({
    code: 0,
    out: '',
  });
  const rows: Array<{ slug: string; published_at: unknown }> = await db()('articles')
    .where({ title, locale: 'fa' })
    .select('slug', 'published_at');
  const drafts = rows.filter((row) => row.published_at === null).map((row) => row.slug);
  expect(drafts).toHaveLength(220);
  expect(new Set(drafts).size).toBe(220);
  expect(drafts.every((slug) => slug.startsWith('تیتر-مشترک-دو-دسته'))).toBe(true);
});
