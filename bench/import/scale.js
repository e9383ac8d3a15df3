#!/usr/bin/env node
'use strict';
/**
 * The import path at scale (issue #24): a generated archive (generate.js, seeded) imported by the real
 * command line, `node scripts/import.js <archive> --publish --section … --json`, as a child process on a
 * fresh PostgreSQL database, then the search index rebuilt by the real `npm run search:rebuild` on the
 * database the import made. Both children run with bench/import/sql-trace.js preloaded (every statement
 * timed and summed by shape, a segment every 10,000 stories), and the importer's lookups are explained
 * (EXPLAIN ANALYZE) on the full database at the end.
 *
 *   npm run bench:import-scale                          # 100,000 stories
 *   npm run bench:import-scale -- --count 20000 --keep  # keep the database (pishkhan_bench_import_scale_<count>)
 *
 * Options: --count N (100000), --seed S (1396), --section <slug> (دفاتر-پیشخوان; "" for none),
 * --no-publish, --no-rebuild, --keep, --rebuild-only (the kept database of that count: its lookups explained and
 * its index rebuilt, no import), --max-seconds S (stop the import as Ctrl-C would after S seconds, on a
 * machine too loaded to finish; what it imported is measured), --cpu-prof (profiles of the import's threads, summarised in the results). The archive is kept in the temporary directory between runs
 * (pishkhan-archive-<seed>-<count>, reused when complete). PostgreSQL as in run.js.
 *
 * Results: a summary on stdout and bench/results/import-scale-<timestamp>.json (gitignored).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./generate');
const { machineInfo } = require('../lib/machine');
const { cpuOfProcesses } = require('../lib/process-cpu');
const {
  createDatabase,
  pgClient,
  postgresAdminUrl,
  postgresAvailable,
} = require('../lib/databases');

const appDir = path.resolve(__dirname, '..', '..');
const TARGET = 500;
const SEGMENT = 10_000;

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const flag = (name) => process.argv.includes(`--${name}`);

const env = { ...require('../lib/env').baseEnv(), LOG_LEVEL: 'error', SEED_DEMO: 'true' };

/** The archive of `count` stories, generated once and reused (a marker file, hidden from the importer, says it is whole). */
const archive = (seed, count) => {
  const dir = path.join(os.tmpdir(), `pishkhan-archive-${seed}-${count}`);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`Generating ${count} stories (seed ${seed}) in ${dir} …\n`);
  generate({ count, seed, dir });
  fs.writeFileSync(marker, `${count}\n`);
  return dir;
};

/** The 1-minute load average every 5 s while `work` runs. */
const sampled = async (work) => {
  const loads = [os.loadavg()[0]];
  const timer = setInterval(() => loads.push(os.loadavg()[0]), 5000);
  try {
    return { value: await work(), loads };
  } finally {
    clearInterval(timer);
  }
};
const loadSummary = (loads) => ({
  min: Math.min(...loads),
  mean: loads.reduce((sum, value) => sum + value, 0) / loads.length,
  max: Math.max(...loads),
});

/**
 * CPU ms a story, of the command line (both its threads) and of PostgreSQL, from the first sample with
 * stories imported (its start-up left out) to the last, and the rate the machine's cores would allow if
 * that were all the work and it overlapped perfectly.
 */
const cpuPerStory = (samples) => {
  const first = samples.find((sample) => sample.documents > 0);
  const last = samples[samples.length - 1];
  if (!first || !last || last.documents <= first.documents) return null;
  const stories = last.documents - first.documents;
  const importMs = (last.importMs - first.importMs) / stories;
  const databaseMs = (last.databaseMs - first.databaseMs) / stories;
  return {
    stories,
    importMs,
    databaseMs,
    coresBound: (os.cpus().length * 1000) / (importMs + databaseMs),
  };
};

/** Runs a node script as a child; `onLine` sees its stderr lines as they come. Resolves with its wall time and output. */
const runChild = (
  args,
  childEnv,
  onLine = () => undefined,
  stopAfterMs = Infinity,
  onSpawn = () => undefined
) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: appDir,
      env: { ...process.env, ...env, ...childEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onSpawn(child);
    let out = '';
    let rest = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) onLine(line, performance.now() - started);
    });
    // Interrupted as Ctrl-C would: the command finishes its batch and reports what it did.
    const stop = Number.isFinite(stopAfterMs)
      ? setTimeout(() => child.kill('SIGTERM'), stopAfterMs)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (stop) clearTimeout(stop);
      if (rest) onLine(rest, performance.now() - started);
      resolve({ code, out, ms: performance.now() - started });
    });
  });

const readTrace = (file) =>
  fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;

/** The shapes that took the most database time over the run, with their mean in the first and last segments. */
const topShapes = (trace, limit = 12) => {
  if (!trace) return [];
  const measured = trace.segments.slice(trace.startSegment);
  const total = new Map();
  for (const segment of measured)
    for (const [shape, entry] of Object.entries(segment.shapes)) {
      const sum = total.get(shape) ?? { count: 0, ms: 0 };
      sum.count += entry.count;
      sum.ms += entry.ms;
      total.set(shape, sum);
    }
  // The segments closed by a mark (the one after the last mark holds only the end of the run).
  const whole = measured.length > 1 ? measured.slice(0, -1) : measured;
  const [first, last] = [whole[0], whole[whole.length - 1]];
  const mean = (segment, shape) => {
    const entry = segment?.shapes[shape];
    return entry ? entry.ms / entry.count : null;
  };
  return [...total]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, limit)
    .map(([shape, sum]) => ({
      shape,
      count: sum.count,
      ms: sum.ms,
      firstMeanMs: mean(first, shape),
      lastMeanMs: mean(last, shape),
    }));
};

/** EXPLAIN ANALYZE of the importer's per-batch lookups, with values from the imported rows. */
const explainLookups = async (url) => {
  const client = await pgClient(url);
  const plan = async (sql, values) => {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
    return rows.map((row) => row['QUERY PLAN']);
  };
  try {
    // Planned as a server with autovacuum would plan them, on analysed tables.
    await client.query('ANALYZE');
    const { rows: sample } = await client.query(
      `SELECT document_id, slug, import_key, published_on FROM articles
       WHERE published_at IS NULL AND import_key IS NOT NULL ORDER BY id DESC LIMIT 100`
    );
    const documentIds = sample.map((row) => row.document_id);
    const base = sample[0].slug.replace(/-\d+$/, '');
    const candidates = [base, `${base}-2`, `${base}-3`, `${base}-4`];
    const uid = 'api::article.article';
    const { rows: officials } = await client.query(
      'SELECT id FROM officials WHERE published_at IS NOT NULL ORDER BY id'
    );
    const { rows: sections } = await client.query(
      'SELECT DISTINCT section_id AS id FROM articles_section_lnk'
    );
    const plans = {
      'slug registry, before (LIKE, one base)': await plan(
        "SELECT slug FROM persian_slugs WHERE content_type = $1 AND locale = 'fa' AND (slug = $2 OR slug LIKE $3)",
        [uid, base, `${base}-%`]
      ),
      'slug registry, now (exact candidates)': await plan(
        "SELECT slug, document_id FROM persian_slugs WHERE content_type = $1 AND locale = 'fa' AND slug = ANY($2)",
        [uid, candidates]
      ),
      'news codes of a batch': await plan(
        'SELECT code, document_id FROM persian_slug_news_codes WHERE content_type = $1 AND document_id = ANY($2)',
        [uid, documentIds]
      ),
      'stories already imported (import keys of a batch)': await plan(
        "SELECT document_id, import_key FROM articles WHERE import_key = ANY($1) AND locale = 'fa' AND published_at IS NULL",
        [sample.map((row) => row.import_key)]
      ),
      'stories to adopt (no key, same dates)': await plan(
        "SELECT document_id, title, lead, published_on FROM articles WHERE locale = 'fa' AND published_at IS NULL AND import_key IS NULL AND published_on = ANY($1)",
        [sample.map((row) => row.published_on)]
      ),
      "officials' rows by document": await plan(
        "SELECT id, document_id, published_at FROM officials WHERE document_id = ANY($1) AND locale = 'fa'",
        [documentIds.slice(0, 15)]
      ),
      "an official's last place, before (grouped maximum)": await plan(
        'SELECT official_id, MAX(article_ord) FROM articles_quoted_officials_lnk WHERE official_id = ANY($1) GROUP BY official_id',
        [officials.map((row) => row.id)]
      ),
      "an official's last place, now (one target)": await plan(
        'SELECT MAX(article_ord) FROM articles_quoted_officials_lnk WHERE official_id = $1',
        [officials[0]?.id ?? 0]
      ),
      ...(sections.length > 0
        ? {
            "the section's last place, now (one target)": await plan(
              'SELECT MAX(article_ord) FROM articles_section_lnk WHERE section_id = $1',
              [sections[0].id]
            ),
          }
        : {}),
    };
    const { rows: sizes } = await client.query(
      `SELECT (SELECT count(*) FROM articles WHERE published_at IS NULL) AS drafts,
              pg_size_pretty(pg_database_size(current_database())) AS size`
    );
    return { plans, ...sizes[0] };
  } finally {
    await client.end();
  }
};

const keptImport = (count) => {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/pishkhan_bench_import_scale_${count}`;
  return {
    name: url.pathname.slice(1),
    url: url.toString(),
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => undefined,
  };
};

const main = async () => {
  const count = Number(arg('count', '100000'));
  const seed = Number(arg('seed', '1396'));
  const section = arg('section', 'دفاتر-پیشخوان');
  const publish = !flag('no-publish');
  const maxSeconds = Number(arg('max-seconds', 'Infinity'));
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (!(await postgresAvailable()))
    throw new Error(`PostgreSQL is not reachable at ${postgresAdminUrl()}`);

  await require('../../scripts/compile-server').ensureCompiled({
    appDir,
    entry: path.join(appDir, 'dist', 'src', 'importer', 'cli.js'),
  });
  const dir = archive(seed, count);
  // --rebuild-only: the database a kept run imported (--keep), explained and its index rebuilt again.
  const rebuildOnly = flag('rebuild-only');
  const database = rebuildOnly
    ? keptImport(count)
    : await createDatabase({ engine: 'postgres', name: `import_scale_${count}` });
  const resultsDir = path.join(appDir, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const importTrace = path.join(os.tmpdir(), `import-scale-${stamp}-import.trace.json`);
  const rebuildTrace = path.join(os.tmpdir(), `import-scale-${stamp}-rebuild.trace.json`);
  const reportFile = path.join(os.tmpdir(), `import-scale-${stamp}-report.json`);
  // --cpu-prof: the import's threads profiled (the main thread's and the parse worker's files).
  const cpuProfileDir = flag('cpu-prof')
    ? fs.mkdtempSync(path.join(os.tmpdir(), 'import-prof-'))
    : null;
  const report = {
    date: new Date().toISOString(),
    count,
    seed,
    section,
    publish,
    machine: machineInfo(),
  };
  try {
    if (!rebuildOnly) {
      process.stderr.write('Officials …\n');
      const prepared = await runChild(
        [path.join(__dirname, 'phase.js'), '--phase', 'officials', '--dir', dir],
        database.env
      );
      if (prepared.code !== 0) throw new Error(`preparing the database failed (${prepared.code})`);

      // A server without autovacuum (a test server) never analyses the tables an import fills, and plans
      // its lookups on a guess: the analyse autovacuum would run, once a minute.
      const analyser = await pgClient(database.url);
      const autovacuum = (await analyser.query('SHOW autovacuum')).rows[0].autovacuum;
      let analysing = Promise.resolve();
      const analyse =
        autovacuum === 'off'
          ? setInterval(() => {
              analysing = analysing.then(() => analyser.query('ANALYZE')).catch(() => undefined);
            }, 60_000)
          : null;
      report.autovacuum = autovacuum;
      // CPU of the command line and of the database's backends (but the analyser's), every second.
      const analyserPid = (await analyser.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const watcher = await pgClient(database.url);
      const importCpu = cpuOfProcesses();
      const databaseCpu = cpuOfProcesses();
      const cpuSamples = [];
      let importPid = null;
      let watching = Promise.resolve();
      const watch = setInterval(() => {
        watching = watching
          .then(async () => {
            const { rows } = await watcher.query(
              'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> $1',
              [analyserPid]
            );
            if (importPid) importCpu.sample([importPid]);
            databaseCpu.sample(rows.map((row) => row.pid));
            cpuSamples.push({
              documents,
              importMs: importCpu.totalMs(),
              databaseMs: databaseCpu.totalMs(),
            });
          })
          .catch(() => undefined);
      }, 1000);
      process.stderr.write(`Importing ${count} stories through the command line …\n`);
      const marks = [];
      let documents = 0;
      const failures = [];
      const cli = await sampled(() =>
        runChild(
          [
            ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : []),
            '-r',
            path.join(__dirname, 'sql-trace.js'),
            'scripts/import.js',
            dir,
            ...(publish ? ['--publish'] : []),
            ...(section ? ['--section', section] : []),
            '--json',
            '-o',
            reportFile,
            '--verbose',
            '--no-progress',
            '--no-build',
          ],
          {
            ...database.env,
            SQL_TRACE_FILE: importTrace,
            SQL_TRACE_START: 'pg_advisory_xact_lock',
            SQL_TRACE_MARK: '^insert into "articles"',
            // A batch of 100 stories is one insert of their rows (200 with --publish, one statement).
            SQL_TRACE_EVERY: String(SEGMENT / 100),
          },
          (line, ms) => {
            if (/^(created|updated|skipped) /.test(line) || line.startsWith('✗ ')) {
              documents += 1;
              if (line.startsWith('✗ ') && failures.length < 20) failures.push(line);
              if (documents === 100 || documents % SEGMENT === 0 || documents === count)
                marks.push({ documents, ms });
            } else if (!line.startsWith('  ! ') && line.trim()) process.stderr.write(`  ${line}\n`);
          },
          maxSeconds * 1000,
          (child) => {
            importPid = child.pid;
          }
        )
      );
      clearInterval(watch);
      await watching;
      await watcher.end();
      if (analyse) clearInterval(analyse);
      await analysing;
      await analyser.end();
      // 130: stopped by --max-seconds; what was imported is measured all the same.
      if (![0, 1, 130].includes(cli.value.code))
        throw new Error(`the import exited with ${cli.value.code}`);
      const { summary } = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
      const segments = marks.slice(1).map((mark, at) => ({
        documents: mark.documents,
        storiesPerSecond:
          (mark.documents - marks[at].documents) / ((mark.ms - marks[at].ms) / 1000),
      }));
      const trace = readTrace(importTrace);
      report.import = {
        command: `node scripts/import.js <archive> ${publish ? '--publish ' : ''}${section ? `--section ${section} ` : ''}--json -o <file> --verbose --no-progress --no-build`,
        exitCode: cli.value.code,
        stoppedAfterSeconds: cli.value.code === 130 ? maxSeconds : null,
        summary,
        wallSeconds: cli.value.ms / 1000,
        storiesPerSecond: summary.documents / summary.seconds,
        segments,
        failures,
        load: loadSummary(cli.loads),
        statements: trace?.statements,
        statementsPerStory: trace ? trace.statements / summary.documents : null,
        databaseSeconds: trace ? trace.ms / 1000 : null,
        segmentStatements: trace?.segments.slice(trace.startSegment).map((segment) => ({
          statements: segment.statements,
          databaseMs: Math.round(segment.ms),
          wallMs: Math.round(segment.endMs - segment.startMs),
        })),
        topShapes: topShapes(trace),
        cpu: cpuPerStory(cpuSamples),
      };

      if (cpuProfileDir) {
        const { summarizeProfile } = require('../lib/profile');
        report.import.cpuProfiles = fs
          .readdirSync(cpuProfileDir)
          .filter((name) => name.endsWith('.cpuprofile'))
          .map((name) => ({
            path: path.join(cpuProfileDir, name),
            ...summarizeProfile(path.join(cpuProfileDir, name), 20),
          }));
      }
    }

    report.lookups = await explainLookups(database.url);

    if (!flag('no-rebuild')) {
      process.stderr.write('Rebuilding the search index (npm run search:rebuild) …\n');
      const rebuild = await sampled(() =>
        runChild(['-r', path.join(__dirname, 'sql-trace.js'), 'scripts/search-rebuild.js'], {
          ...database.env,
          SQL_TRACE_FILE: rebuildTrace,
          SQL_TRACE_START: '^TRUNCATE',
          SQL_TRACE_MARK: '^WITH input',
          // 500 articles a batch: a segment is 10,000.
          SQL_TRACE_EVERY: String(SEGMENT / 500),
        })
      );
      if (rebuild.value.code !== 0)
        throw new Error(`the rebuild exited with ${rebuild.value.code}`);
      const rebuilt = Number(/rebuilt: (\d+)/.exec(rebuild.value.out)?.[1] ?? NaN);
      const rtrace = readTrace(rebuildTrace);
      report.rebuild = {
        command: 'node scripts/search-rebuild.js (npm run search:rebuild)',
        articles: rebuilt,
        wallSeconds: rebuild.value.ms / 1000,
        // From the index emptied (its first statement) to the last answer: the start-up apart.
        rebuildSeconds: (rtrace.lastEndMs - rtrace.startMs) / 1000,
        statements: rtrace.statements,
        databaseSeconds: rtrace.ms / 1000,
        load: loadSummary(rebuild.loads),
        segments: rtrace.segments.slice(rtrace.startSegment).map((segment) => ({
          statements: segment.statements,
          databaseMs: Math.round(segment.ms),
          wallMs: Math.round(segment.endMs - segment.startMs),
        })),
        topShapes: topShapes(rtrace, 8),
      };
    }
  } finally {
    if (!flag('keep')) await database.drop();
    else process.stderr.write(`Kept the database ${database.name}\n`);
  }
  report.loadAtEnd = os.loadavg();
  const file = path.join(resultsDir, `import-scale-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  const { import: imported, rebuild } = report;
  const lines = [];
  if (imported)
    lines.push(
      `Import of ${count} stories through the command line (PostgreSQL${publish ? ', --publish' : ''}${section ? `, --section ${section}` : ''}):`,
      `  ${imported.summary.imported} imported, ${imported.summary.failed} failed in ${imported.summary.seconds.toFixed(1)} s: ` +
        `${imported.storiesPerSecond.toFixed(1)} stories/s (target ${TARGET}: ${imported.storiesPerSecond >= TARGET ? 'met' : 'NOT met'}); ` +
        `${imported.statementsPerStory?.toFixed(1)} statements a story, ${imported.databaseSeconds?.toFixed(1)} s waiting on the database`,
      `  per ${SEGMENT.toLocaleString('en')}: ${imported.segments.map((segment) => segment.storiesPerSecond.toFixed(0)).join(', ')} stories/s`,
      `  load average (1 min) during the import: ${imported.load.min.toFixed(1)}–${imported.load.max.toFixed(1)} (mean ${imported.load.mean.toFixed(1)}) on ${os.cpus().length} CPUs`,
      ...(imported.cpu
        ? [
            `  CPU a story: the command line ${imported.cpu.importMs.toFixed(2)} ms, PostgreSQL ${imported.cpu.databaseMs.toFixed(2)} ms: ` +
              `at most ${imported.cpu.coresBound.toFixed(0)} stories/s on ${os.cpus().length} cores`,
          ]
        : [])
    );
  if (rebuild)
    lines.push(
      `Search rebuild: ${rebuild.articles} articles in ${rebuild.rebuildSeconds?.toFixed(1)} s (${(rebuild.articles / rebuild.rebuildSeconds).toFixed(0)}/s; the command ${rebuild.wallSeconds.toFixed(1)} s with start-up), ` +
        `${rebuild.statements} statements, ${rebuild.databaseSeconds.toFixed(1)} s on the database`,
      `  per ${SEGMENT.toLocaleString('en')}: ${rebuild.segments
        .filter((segment) => segment.statements > 0)
        .map((segment) => (segment.wallMs / 1000).toFixed(1))
        .join(', ')} s`
    );
  lines.push(`Results: ${path.relative(appDir, file)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
};

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
