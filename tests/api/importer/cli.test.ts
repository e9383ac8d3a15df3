/**
 * The real command, spawned against a temporary database (SQLite, or PostgreSQL with TEST_DB=postgres):
 * `node scripts/import.js …` and `npm run import -- …`. It boots Strapi headless from the dist/ that
 * the harness's globalSetup compiled (`--no-build`: the staleness check is skipped so a test never
 * recompiles under other test files).
 */
import { ChildProcess, spawn } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { applyTestEnv } from '../../harness/test-env';
import { createTestDatabase, TestDatabase } from '../../harness/database';
import { SEED_OFFICIAL, SEED_ROLE, SEED_TITLE } from '../../harness/seed-article';
import { SEED_PATH, SEED_TEXT, lineOf, replaceLine, story } from './helpers';

jest.setTimeout(240_000);

// better-sqlite3 ships no types; this is all the test uses of it.
type SqliteDatabase = { prepare(sql: string): { all(): unknown[] }; close(): void };
const Database = require('better-sqlite3') as new (
  file: string,
  options?: { readonly?: boolean }
) => SqliteDatabase;

const appDir = path.resolve(__dirname, '..', '..', '..');
let database: TestDatabase;
let work: string;

beforeAll(async () => {
  applyTestEnv();
  database = await createTestDatabase();
  work = mkdtempSync(path.join(os.tmpdir(), 'pishkhan-cli-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await database?.drop();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const childEnv = () => ({
  ...process.env,
  ...database.env,
  SEED_DEMO: 'true',
  LOG_LEVEL: 'error',
  FORCE_COLOR: '0',
});

/** Runs the command to its end (`npm: true` through `npm run import --`). */
const cli = (args: string[], { npm = false } = {}): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = npm
      ? spawn('npm', ['run', '--silent', 'import', '--', ...args, '--no-build'], {
          cwd: appDir,
          env: childEnv(),
        })
      : spawn(process.execPath, ['scripts/import.js', ...args, '--no-build'], {
          cwd: appDir,
          env: childEnv(),
        });
    collect(child).then(resolve, reject);
  });

const collect = (child: ChildProcess): Promise<Run> =>
  new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

/** Draft articles (one row per document) as the database holds them. */
const articles = async (): Promise<Array<{ title: string; import_key: string | null }>> => {
  const sql =
    "select title, import_key from articles where published_at is null and locale = 'fa' order by id";
  if (database.env.DATABASE_CLIENT === 'sqlite') {
    const db = new Database(database.env.DATABASE_FILENAME, { readonly: true });
    try {
      return db.prepare(sql).all() as Array<{ title: string; import_key: string | null }>;
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

const writeStories = (dir: string, from: number, count: number): string => {
  const folder = path.join(work, dir);
  mkdirSync(folder, { recursive: true });
  for (let n = from; n < from + count; n += 1)
    writeFileSync(path.join(folder, `story-${String(n).padStart(3, '0')}.txt`), story(n));
  return folder;
};

describe('npm run import', () => {
  it('fails with usage errors (exit 2) before touching anything', async () => {
    const none = await cli([path.join(work, 'nothing-*.txt')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Nothing to import/);
    const bad = await cli(['--frobnicate', SEED_PATH]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option/);
  });

  it('--dry-run prints the issue’s JSON on stdout, writes nothing, and exits 1 when a document failed', async () => {
    const badDate = path.join(work, 'bad-date.txt');
    writeFileSync(badDate, replaceLine(SEED_TEXT, 'سه شنبه', '۱۴۰۲/۱۲/۳۰ ساعت ۱۰:۰۰'));
    const run = await cli([SEED_PATH, badDate, '--dry-run']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.documents).toHaveLength(2);
    const [seed, bad] = report.documents;
    expect(seed.file).toMatch(/000_2c60c95b086a054e\.txt$/);
    expect(seed).toMatchObject({
      ok: true,
      article: {
        title: SEED_TITLE,
        kicker: null,
        author: 'شریف زاده',
        publishedOn: '2017-10-31T15:53:00.000Z',
        sourceUrl: 'http://IR.ICTB.WWW',
        footer: 'انتهای پیام',
        reporterCode: null,
        officials: [{ fullName: SEED_OFFICIAL, role: SEED_ROLE, matched: true }],
      },
      warnings: expect.any(Array),
    });
    expect(
      seed.article.body.filter((block: { type: string }) => block.type === 'subheading')
    ).toHaveLength(4);
    expect(seed.article.body[0]).toMatchObject({
      type: 'quote',
      official: SEED_OFFICIAL,
      role: SEED_ROLE,
    });
    expect(bad).toEqual({
      file: expect.stringMatching(/bad-date\.txt$/),
      ok: false,
      error: {
        code: 'BAD_DATE',
        message: expect.any(String),
        messageFa: expect.any(String),
        line: lineOf(SEED_TEXT, 'سه شنبه'),
      },
    });
    expect(run.stderr).toMatch(/Dry run: 1 parsed, 1 failed/);
    expect(run.stderr).toMatch(/bad-date\.txt:\d+ BAD_DATE/);
    // The first boot created the demo content; the dry run added nothing.
    expect((await articles()).map((row) => row.title)).toEqual([SEED_TITLE]);
  });

  it('imports a glob, reports the summary, exits 1 for the failed file; the rerun skips everything', async () => {
    const folder = writeStories('batch', 1, 5);
    writeFileSync(path.join(folder, 'seed.txt'), readFileSync(SEED_PATH));
    writeFileSync(
      path.join(folder, 'photo.txt'),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])
    );
    const args = [path.join(folder, '*.txt'), '--publish', '--section', 'دفاتر-پیشخوان'];

    const first = await cli(args, { npm: true });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      /^Imported 5, updated 0, skipped 1, failed 1 \(7 documents in [\d.]+ s, [\d.]+\/s\)\n$/
    );
    expect(first.stderr).toMatch(/photo\.txt BINARY_FILE/);
    const titles = (await articles()).map((row) => row.title);
    expect(titles).toHaveLength(6);
    expect(new Set(titles).size).toBe(6);

    const second = await cli([...args, '--json']);
    expect(second.code).toBe(1);
    const report = JSON.parse(second.stdout);
    expect(report.summary).toMatchObject({
      imported: 0,
      updated: 0,
      skipped: 6,
      failed: 1,
      documents: 7,
    });
    expect(
      report.documents
        .filter((document: { ok: boolean }) => document.ok)
        .map((document: { action: string }) => document.action)
    ).toEqual(Array(6).fill('skipped'));
    expect(await articles()).toHaveLength(6);
  });

  it('an interrupted run (killed mid-way), run again, completes without duplicates', async () => {
    const folder = writeStories('interrupted', 100, 40);
    const before = (await articles()).length;
    const child = spawn(
      process.execPath,
      ['scripts/import.js', folder, '--verbose', '--no-build'],
      { cwd: appDir, env: childEnv() }
    );
    const finished = collect(child);
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if ((seen.match(/^created /gm) ?? []).length >= 3 && child.exitCode === null && !child.killed)
        child.kill('SIGKILL');
    });
    const killed = await finished;
    // Killed, not finished (the tail of stderr shows why if it ended on its own).
    expect({
      code: killed.code,
      stderr: killed.code === null ? '' : killed.stderr.slice(-800),
    }).toEqual({ code: null, stderr: '' });
    const partial = (await articles()).length - before;
    expect(partial).toBeGreaterThanOrEqual(3);

    const rerun = await cli([folder, path.join(work, 'typo.txt')]);
    expect(rerun.code).toBe(1); // every document imported, but an argument matched nothing
    expect(rerun.stderr).toMatch(/No such file, directory or glob match: .*typo\.txt/);
    expect(rerun.stdout).toMatch(
      new RegExp(`^Imported ${40 - partial}, updated 0, skipped ${partial}, failed 0 `)
    );
    const rows = await articles();
    expect(rows).toHaveLength(before + 40);
    expect(new Set(rows.map((row) => row.title)).size).toBe(rows.length);
    expect(rows.every((row) => row.import_key !== null || row.title === SEED_TITLE)).toBe(true);
  });

  it('the JSON report reaches a slow reader whole: the command waits for its standard output before exiting', async () => {
    const folder = path.join(work, 'slow-reader');
    mkdirSync(folder, { recursive: true });
    for (let n = 1; n <= 300; n += 1)
      writeFileSync(path.join(folder, `story-${n}.txt`), story(5000 + n));
    const child = spawn(
      process.execPath,
      ['scripts/import.js', folder, '--dry-run', '--no-build', '--no-progress'],
      { cwd: appDir, env: childEnv() }
    );
    // Nothing is read until the command has printed its summary: over a megabyte waits in the pipe.
    child.stdout!.pause();
    let stdout = '';
    let stderr = '';
    const summarised = new Promise<void>((resolve) =>
      child.stderr!.on('data', (chunk) => {
        stderr += chunk;
        if (/Dry run: 300 parsed/.test(stderr)) resolve();
      })
    );
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await summarised;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stdout!.resume();
    expect(await closed).toBe(0);
    expect(stdout.length).toBeGreaterThan(200_000);
    expect(JSON.parse(stdout).documents).toHaveLength(300);
  });

  it('an unknown section is a usage error (exit 2)', async () => {
    const run = await cli([SEED_PATH, '--section', 'no-such-desk']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/UNKNOWN_SECTION: No section with slug "no-such-desk"/);
  });
});
