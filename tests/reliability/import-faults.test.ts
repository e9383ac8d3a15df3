/**
 * The importer's command line against an app instance on one PostgreSQL database: readers are served
 * while an archive is imported, and a database restart in the middle of an import leaves only whole
 * articles, the run going on once the database is back and a rerun completing it without duplicates.
 */
import { ChildProcess, spawn } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { Instance, startInstance } from '../harness/instance-process';
import { restartPostgres } from '../harness/postgres-server';
import { story } from '../api/importer/helpers';

const appDir = path.resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: TestDatabase;
let app: Instance;
let work: string;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  app = await startInstance({ ...database.env, SEED_DEMO: 'true' });
  work = mkdtempSync(path.join(os.tmpdir(), 'pishkhan-import-faults-'));
}, 400_000);
afterAll(async () => {
  await app?.stop();
  await database?.drop();
  rmSync(work, { recursive: true, force: true });
});

const writeStories = (name: string, from: number, count: number): string => {
  const folder = path.join(work, name);
  mkdirSync(folder, { recursive: true });
  for (let n = from; n < from + count; n += 1)
    writeFileSync(path.join(folder, `story-${String(n).padStart(4, '0')}.txt`), story(n));
  return folder;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const importer = (folder: string): { child: ChildProcess; done: Promise<Run> } => {
  const child = spawn(
    process.execPath,
    ['scripts/import.js', folder, '--publish', '--json', '--no-build', '--no-progress'],
    {
      cwd: appDir,
      env: {
        ...process.env,
        ...database.env,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        FORCE_COLOR: '0',
      },
    }
  );
  const done = new Promise<Run>((resolve, reject) => {
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
  return { child, done };
};

// A report that does not parse is shown around the fault, with the importer's stderr, to say who wrote into it.
const summaryOf = (run: Run) => {
  try {
    return JSON.parse(run.stdout).summary as {
      imported: number;
      updated: number;
      skipped: number;
      failed: number;
    };
  } catch (error) {
    const at = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    throw new Error(
      `${(error as Error).message}\n--- stdout around it:\n${run.stdout.slice(Math.max(0, at - 600), at + 600)}\n--- stderr:\n${run.stderr.slice(-3000)}`
    );
  }
};

const query = async <T>(sql: string): Promise<T[]> => {
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
};

const draftsWithKey = async (): Promise<number> =>
  Number(
    (
      await query<{ n: string }>(
        'SELECT COUNT(*) AS n FROM articles WHERE published_at IS NULL AND import_key IS NOT NULL'
      )
    )[0].n
  );

it('readers are served while an archive is imported', async () => {
  const folder = writeStories('under-load', 1, 80);
  const statuses: number[] = [];
  const latencies: number[] = [];
  let reading = true;
  const paths = [
    '/api/articles?pagination[pageSize]=10',
    '/api/articles/archive/1396',
    '/api/search?q=نماینده',
    '/api/sections',
  ];
  const reader = (async () => {
    for (let i = 0; reading; i += 1) {
      const started = Date.now();
      const res = await fetch(`${app.url}${paths[i % paths.length]}`).catch(() => null);
      statuses.push(res?.status ?? 0);
      await res?.arrayBuffer();
      latencies.push(Date.now() - started);
    }
  })();
  const run = await importer(folder).done;
  reading = false;
  await reader;

  expect(run.code).toBe(0);
  expect(summaryOf(run)).toMatchObject({ imported: 80, failed: 0 });
  expect(statuses.length).toBeGreaterThan(20);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  latencies.sort((a, b) => a - b);
  console.log(
    `reads during the import: ${statuses.length}, median ${latencies[Math.floor(latencies.length / 2)]} ms, ` +
      `p99 ${latencies[Math.floor(latencies.length * 0.99)]} ms`
  );
  // What was imported is public at once, through the running instance.
  const list = (await (await fetch(`${app.url}/api/articles?pagination[pageSize]=1`)).json()) as {
    meta: { pagination: { total: number } };
  };
  expect(list.meta.pagination.total).toBe(81);
}, 400_000);

/** Enough stories (a few seconds of importing, a hundred a batch) that most are written after the restart. */
const RESTART_STORIES = 3000;

it('a database restart during an import: only whole articles, the run goes on, a rerun completes it without duplicates', async () => {
  const folder = writeStories('restart', 101, RESTART_STORIES);
  const before = await draftsWithKey();
  const first = importer(folder);
  // Restarted once the import is under way (its first batch committed). The importer is held still
  // across the restart, so that the restart falls inside the run however fast this machine imports;
  // its open connections are cut while it is held, as a crash of the database would cut them.
  for (let i = 0; (await draftsWithKey()) - before < 10; i += 1) {
    if (i > 600) throw new Error('the import did not start');
    await sleep(20);
  }
  first.child.kill('SIGSTOP');
  const atRestart = (await draftsWithKey()) - before;
  try {
    restartPostgres();
  } finally {
    first.child.kill('SIGCONT');
  }
  expect(atRestart).toBeLessThan(RESTART_STORIES);
  const run = await first.done;
  const summary = summaryOf(run);
  // The run was not stopped by the restart: documents after it were imported too.
  expect(summary.imported + summary.failed).toBe(RESTART_STORIES);
  expect(summary.imported).toBeGreaterThan(atRestart);
  expect(run.code).toBe(summary.failed > 0 ? 1 : 0);

  const rerun = await importer(folder).done;
  expect(rerun.code).toBe(0);
  expect(summaryOf(rerun)).toMatchObject({
    imported: summary.failed,
    updated: 0,
    skipped: summary.imported,
    failed: 0,
  });

  // Every story once, each whole in both versions: the same parts in draft and published, a slug and
  // its registry row, a news code; no slug left without its article.
  const rows = await query<{
    import_key: string;
    versions: string;
    drafts: string;
    slugs: string;
    codes: string;
    parts: string;
  }>(
    `SELECT a.import_key, COUNT(*) AS versions, COUNT(*) FILTER (WHERE a.published_at IS NULL) AS drafts,
            COUNT(DISTINCT a.slug) AS slugs, COUNT(DISTINCT a.news_code) AS codes,
            COUNT(DISTINCT (SELECT COUNT(*) FROM articles_cmps c WHERE c.entity_id = a.id)) AS parts
       FROM articles a WHERE a.import_key IS NOT NULL GROUP BY a.import_key`
  );
  expect(rows.length).toBe(80 + RESTART_STORIES);
  for (const row of rows)
    expect(row).toMatchObject({ versions: '2', drafts: '1', slugs: '1', codes: '1', parts: '1' });
  const orphans = await query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM persian_slugs s
      WHERE s.content_type = 'api::article.article'
        AND (s.document_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.document_id = s.document_id))`
  );
  expect(Number(orphans[0].n)).toBe(0);
  expect((await fetch(`${app.url}/api/articles?pagination[pageSize]=1`)).status).toBe(200);
}, 400_000);
