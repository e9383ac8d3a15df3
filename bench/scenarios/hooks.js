'use strict';
/**
 * Scenarios written by other parts of the project, run through their npm scripts when they exist:
 * - import (scenario 5): `npm run bench:import` (bench/import/run.js), import throughput against a plain
 *   Document Service loop;
 * - cache: `npm run bench:cache` (bench/cache), the response cache;
 * - scheduling: `npm run bench:scheduling` (bench/scheduling), public reads with the scheduler running
 *   against it stopped, and the lateness of scheduled publishes.
 *
 * The contract (what a hook receives and may write):
 *   arguments  --db sqlite|postgres  --engines sqlite|postgres  --count <n>  [--quick]  --json <file>
 *              (--engines and --count are the importer's own options: bench/import/run.js)
 *   env        BENCH_DB, BENCH_QUICK (1|0), BENCH_RESULT_FILE (= --json), BENCH_WORK_DIR (a scratch folder),
 *              BENCH_APP_DIR / BENCH_APP_DIST (our compiled app snapshot), BENCH_PLAIN_APP_DIR (plain Strapi),
 *              BENCH_SEED, BENCH_POSTGRES_URL (admin URL: create and drop your own databases)
 *   result     JSON in BENCH_RESULT_FILE: { "title"?, "target"?, "pass"?, "notes"?: [string],
 *              "cases": [{ "id", "title", "pass"?, "metrics": [{ "name", "unit", "better": "lower"|"higher",
 *              "ours", "baseline", "ratio" }] }] }
 * A hook that writes no result file but leaves a new bench/results/<id>-*.json is read from there (the
 * importer's own report is understood); otherwise it is reported with the tail of its output. One that
 * fails fails its scenario.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { REPO } = require('../lib/apps');
const { postgresAdminUrl } = require('../lib/databases');

const HOOKS = {
  import: {
    script: 'bench:import',
    file: path.join('bench', 'import', 'run.js'),
    title: 'Import throughput against a plain Document Service loop',
    // The importer's own options: stories per engine.
    args: (opts, engine) => [
      '--engines',
      engine,
      '--count',
      String(opts.importCount ?? (opts.quick ? 200 : 500)),
    ],
  },
  cache: {
    script: 'bench:cache',
    file: path.join('bench', 'cache', 'run.js'),
    title: 'Response cache: cached reads against the same app with the cache off',
    // The cache bench runs on SQLite only: it is called once, on the first engine of the run.
    once: true,
    args: (opts) =>
      opts.quick ? ['--duration', '3', '--mixed', '5'] : ['--duration', '5', '--mixed', '10'],
  },
  scheduling: {
    script: 'bench:scheduling',
    file: path.join('bench', 'scheduling', 'run.js'),
    title:
      'Scheduled publishing: public reads with the scheduler running, lateness of scheduled publishes',
    // SQLite only (one instance): called once, on the first engine of the run.
    once: true,
    args: (opts) =>
      opts.quick
        ? ['--duration', '3', '--rounds', '2', '--count', '100']
        : ['--duration', '4', '--rounds', '4', '--count', '200'],
  },
};

/** The newest bench/results/<id>-*.json written since `since` (a hook's own report), if any. */
const ownReport = (id, since) => {
  const dir = path.join(REPO, 'bench', 'results');
  if (!fs.existsSync(dir)) return null;
  const candidates = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${id}-`) && name.endsWith('.json'))
    .map((name) => ({
      file: path.join(dir, name),
      mtime: fs.statSync(path.join(dir, name)).mtimeMs,
    }))
    .filter((entry) => entry.mtime >= since - 1000)
    .sort((a, b) => b.mtime - a.mtime);
  if (!candidates.length) return null;
  try {
    return {
      file: candidates[0].file,
      report: JSON.parse(fs.readFileSync(candidates[0].file, 'utf8')),
    };
  } catch {
    return null;
  }
};

/** Readers of the hooks' own report files, into cases. */
const ADAPTERS = {
  // bench/cache/run.js: { modes: { off|memory|redis: { label, list: { rps, p50, p99 }, findOne: {…}, mixed: { rps, p99, hitRatio, staleHotStoryReads, hotStoryReads } } }, table }
  cache: (report) => {
    const off = report.modes && report.modes.off;
    if (!off) return null;
    const cases = [];
    for (const [mode, out] of Object.entries(report.modes)) {
      if (mode === 'off') continue;
      for (const name of ['list', 'findOne']) {
        if (!out[name] || !off[name]) continue;
        cases.push({
          id: `${mode}-${name}`,
          title: `${out.label || mode}: ${name === 'list' ? 'front-page list' : 'story page'} against the cache off`,
          kind: 'hook',
          metrics: [
            {
              name: 'p50',
              unit: 'ms',
              better: 'lower',
              ours: out[name].p50,
              baseline: off[name].p50,
              ratio: off[name].p50 ? out[name].p50 / off[name].p50 : null,
            },
            {
              name: 'rps',
              unit: 'req/s',
              better: 'higher',
              ours: out[name].rps,
              baseline: off[name].rps,
              ratio: off[name].rps ? out[name].rps / off[name].rps : null,
            },
          ],
        });
      }
    }
    const notes = Object.entries(report.modes)
      .filter(([, out]) => out.mixed)
      .map(
        ([mode, out]) =>
          `${out.label || mode}, mixed reads and publishes: ${out.mixed.rps} req/s, p99 ${out.mixed.p99} ms, hit ratio ${out.mixed.hitRatio == null ? '–' : `${(out.mixed.hitRatio * 100).toFixed(1)}%`}, stale reads of the hot story ${out.mixed.staleHotStoryReads} of ${out.mixed.hotStoryReads}`
      );
    return { cases, notes, table: report.table || null };
  },
  // bench/import/run.js: { count, results: [{ engine, baseline: { rate, seconds }, import: { rate, rerunRate, seconds, summary } }], verdict, targetSqlitePerSecond }
  import: (report, engine) => {
    const entry = (report.results || []).find((item) => item.engine === engine);
    if (!entry) return null;
    if (entry.skipped) return { cases: [], notes: [`${engine}: ${entry.skipped}`], skipped: true };
    const base = entry.baseline.rate;
    const metric = (name, value) => ({
      name,
      unit: 'stories/s',
      better: 'higher',
      ours: value,
      baseline: base,
      ratio: base ? value / base : null,
    });
    const target =
      engine === 'sqlite' && report.targetSqlitePerSecond ? report.targetSqlitePerSecond : null;
    return {
      title: `Import throughput against a plain Document Service loop (${report.count} stories)`,
      target: target ? `at least ${target} stories/s on SQLite (the importer's issue)` : null,
      notes: [
        report.verdict,
        `plain loop ${entry.baseline.seconds.toFixed(1)} s, importer ${entry.import.seconds.toFixed(1)} s, re-run ${entry.import.rerunSeconds != null ? entry.import.rerunSeconds.toFixed(1) : '–'} s; publish: ${report.publish}`,
      ].filter(Boolean),
      cases: [
        {
          id: 'import',
          title: 'importer (npm run import) against the plain create loop',
          kind: 'hook',
          pass: target ? entry.import.rate >= target : undefined,
          metrics: [metric('rate', entry.import.rate)],
        },
        {
          id: 'rerun',
          title: 'importer again, every story already there (skipped)',
          kind: 'hook',
          metrics: [metric('rate', entry.import.rerunRate)],
        },
      ],
    };
  },
};

const runHook = async (ctx, id, { engine }) => {
  const { opts, apps, log, workDir } = ctx;
  const hook = HOOKS[id];
  const scripts =
    JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).scripts || {};
  const base = { id, engine, title: hook.title, hook: `npm run ${hook.script}` };
  if (hook.once && ctx.hooksRun && ctx.hooksRun.has(id)) return null;
  ctx.hooksRun = ctx.hooksRun || new Set();
  ctx.hooksRun.add(id);
  if (!scripts[hook.script] || !fs.existsSync(path.join(REPO, hook.file))) {
    const missing = !scripts[hook.script]
      ? `no "${hook.script}" script in package.json`
      : `${hook.file} does not exist yet`;
    log(`  skipped: ${missing}`);
    return { ...base, skipped: true, notes: [`Not run: ${missing}.`], cases: [] };
  }
  const hookDir = path.join(workDir, `hook-${id}-${engine}`);
  fs.mkdirSync(hookDir, { recursive: true });
  const resultFile = path.join(hookDir, 'result.json');
  fs.rmSync(resultFile, { force: true });
  const args = [
    'run',
    '--silent',
    hook.script,
    '--',
    '--db',
    engine,
    ...hook.args(opts, engine),
    ...(opts.quick ? ['--quick'] : []),
    '--json',
    resultFile,
  ];
  const timeoutMs = 10 * 60 * 1000;
  const started = Date.now();
  const output = [];
  const code = await new Promise((resolve) => {
    const child = spawn('npm', args, {
      cwd: REPO,
      env: {
        ...process.env,
        BENCH_DB: engine,
        BENCH_QUICK: opts.quick ? '1' : '0',
        BENCH_RESULT_FILE: resultFile,
        BENCH_WORK_DIR: hookDir,
        BENCH_APP_DIR: apps.ours.appDir,
        BENCH_APP_DIST: apps.ours.distDir,
        BENCH_PLAIN_APP_DIR: apps.plain.appDir,
        BENCH_SEED: String(opts.seed),
        BENCH_POSTGRES_URL: postgresAdminUrl(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk) => {
      output.push(chunk.toString());
      if (output.length > 400) output.splice(0, output.length - 400);
      if (opts.verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      output.push(`\n[bench] ${hook.script} killed after ${timeoutMs / 1000} s\n`);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    }, timeoutMs);
    child.on('exit', (exitCode, signal) => {
      clearTimeout(timer);
      resolve(exitCode ?? signal);
    });
  });
  const elapsedMs = Date.now() - started;
  const tail = output.join('').split('\n').slice(-25).join('\n');
  if (code !== 0) {
    log(`  ${hook.script} failed (${code}) after ${(elapsedMs / 1000).toFixed(0)} s`);
    return {
      ...base,
      failed: true,
      elapsedMs,
      notes: [`npm run ${hook.script} exited with ${code}.`],
      output: tail,
      cases: [],
    };
  }
  if (!fs.existsSync(resultFile)) {
    const own = ownReport(id, started);
    if (own) {
      const adapted = ADAPTERS[id] ? ADAPTERS[id](own.report, engine) : null;
      if (adapted) {
        log(
          `  ${hook.script}: ${adapted.cases.length} case(s) in ${(elapsedMs / 1000).toFixed(0)} s (from ${path.basename(own.file)})`
        );
        return { ...base, elapsedMs, ...adapted, source: path.relative(REPO, own.file) };
      }
      return {
        ...base,
        elapsedMs,
        notes: [`Read from ${path.relative(REPO, own.file)} (shape not understood; shown as is).`],
        raw: own.report,
        cases: [],
      };
    }
    log(`  ${hook.script} wrote no result file`);
    return {
      ...base,
      elapsedMs,
      notes: [`npm run ${hook.script} wrote no ${path.basename(resultFile)}; its output is kept.`],
      output: tail,
      cases: [],
    };
  }
  let result;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch (error) {
    return {
      ...base,
      failed: true,
      elapsedMs,
      notes: [`Unreadable result: ${error.message}`],
      output: tail,
      cases: [],
    };
  }
  const cases = Array.isArray(result.cases)
    ? result.cases.map((item) => ({
        kind: 'hook',
        ...item,
        metrics: Array.isArray(item.metrics) ? item.metrics : [],
      }))
    : [];
  log(`  ${hook.script}: ${cases.length} case(s) in ${(elapsedMs / 1000).toFixed(0)} s`);
  return {
    ...base,
    title: result.title || hook.title,
    target: result.target || null,
    pass: typeof result.pass === 'boolean' ? result.pass : undefined,
    notes: Array.isArray(result.notes) ? result.notes : [],
    elapsedMs,
    cases,
    raw: cases.length ? undefined : result,
  };
};

module.exports = { runHook, HOOKS };
