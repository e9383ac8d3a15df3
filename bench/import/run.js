#!/usr/bin/env node
'use strict';
/**
 * Import throughput: a generated archive (generate.js, seeded and reproducible, never committed) is
 * imported into SQLite and into PostgreSQL, each time on a fresh database, and compared with a plain
 * loop of Strapi document-service creates of the same stories in the same run.
 *
 *   npm run bench:import                      # 10,000 stories, SQLite and PostgreSQL
 *   npm run bench:import -- --count 500       # a quick run
 *   npm run bench:import -- --engines sqlite --publish
 *
 * Options: --count N (10000), --seed S (1396), --engines sqlite,postgres, --publish (publish every
 * article, in both the importer and the plain loop). PostgreSQL is reached at BENCH_POSTGRES_URL,
 * TEST_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres (a database is created and dropped
 * per phase); when it cannot be reached the engine is reported as skipped.
 *
 * Results: a table on stdout and bench/results/import-<timestamp>.json (gitignored).
 */
const { spawn } = require('child_process');
const { randomBytes } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./generate');
const { machineInfo } = require('../lib/machine');

const appDir = path.resolve(__dirname, '..', '..');
const TARGET_SQLITE = 200;

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};

// The suite's fixed local secrets (bench/lib/env.js), with the demo content and quiet logs.
const env = { ...require('../lib/env').baseEnv(), LOG_LEVEL: 'error', SEED_DEMO: 'true' };

const { createDatabase, postgresAdminUrl, postgresAvailable } = require('../lib/databases');

/** A fresh database for one phase (bench/lib/databases.js), the SQLite one in a directory of its own. */
const freshDatabase = async (engine) => {
  const dir =
    engine === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'pishkhan-bench-')) : undefined;
  const database = await createDatabase({
    engine,
    name: `import_${process.pid}_${randomBytes(4).toString('hex')}`,
    dir,
  });
  return {
    env: database.env,
    drop: async () => {
      await database.drop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

const runPhase = (phase, dir, databaseEnv, publish) =>
  new Promise((resolve, reject) => {
    const args = [
      path.join(__dirname, 'phase.js'),
      '--phase',
      phase,
      '--dir',
      dir,
      ...(publish ? ['--publish'] : []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: appDir,
      env: { ...process.env, ...env, ...databaseEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()))
        : reject(new Error(`${phase} exited with ${code}`))
    );
  });

const ensureCompiled = async () => {
  if (fs.existsSync(path.join(appDir, 'dist', 'src', 'importer', 'importer.js'))) return;
  process.stderr.write('Compiling the server into dist/ …\n');
  const { compileStrapi } = require('@strapi/strapi');
  // The plugins load their packages' dist/, built apart from the app's.
  await require('../../scripts/build-packages').buildPackages({ declarations: false });
  await compileStrapi({ appDir, ignoreDiagnostics: false });
};

const rate = (count, seconds) => (seconds > 0 ? count / seconds : 0);

const table = (rows) => {
  const header = [
    'engine',
    'phase',
    'stories',
    'seconds',
    'stories/s',
    'vs plain loop',
    'CPU s',
    'stories/CPU-s',
  ];
  const lines = rows.map((row) => [
    row.engine,
    row.label,
    String(row.count),
    row.seconds.toFixed(1),
    row.rate.toFixed(1),
    row.ratio === null ? '' : `${row.ratio.toFixed(2)}×`,
    row.cpuSeconds.toFixed(1),
    rate(row.count, row.cpuSeconds).toFixed(1),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length))
  );
  const format = (cells) =>
    cells
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
      )
      .join('  ');
  return [
    format(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...lines.map(format),
  ].join('\n');
};

const main = async () => {
  const count = Number(arg('count', '10000'));
  const seed = Number(arg('seed', '1396'));
  const engines = arg('engines', 'sqlite,postgres')
    .split(',')
    .map((engine) => engine.trim())
    .filter(Boolean);
  const publish = process.argv.includes('--publish');
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');

  await ensureCompiled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pishkhan-archive-${seed}-${count}-`));
  // Interrupted: the archive and the database being measured go too.
  let current = null;
  const abort = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (current) await current.drop().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  process.stderr.write(`Generating ${count} stories (seed ${seed}) in ${dir} …\n`);
  generate({ count, seed, dir });

  const rows = [];
  const results = [];
  try {
    for (const engine of engines) {
      if (engine === 'postgres' && !(await postgresAvailable())) {
        process.stderr.write(`PostgreSQL is not reachable at ${postgresAdminUrl()}: skipped\n`);
        results.push({ engine, skipped: 'PostgreSQL not reachable' });
        continue;
      }
      const measured = {};
      for (const phase of ['baseline', 'import']) {
        process.stderr.write(`${engine}: ${phase} …\n`);
        const database = await freshDatabase(engine);
        current = database;
        try {
          measured[phase] = await runPhase(phase, dir, database.env, publish);
        } finally {
          current = null;
          await database.drop();
        }
      }
      const { baseline, import: imported } = measured;
      const baseRate = rate(baseline.count, baseline.seconds);
      const importRate = rate(imported.count, imported.seconds);
      const rerunRate = rate(imported.count, imported.rerunSeconds);
      rows.push(
        {
          engine,
          label: 'plain document-service create loop',
          count: baseline.count,
          seconds: baseline.seconds,
          cpuSeconds: baseline.cpuSeconds,
          rate: baseRate,
          ratio: 1,
        },
        {
          engine,
          label: 'importer (npm run import)',
          count: imported.count,
          seconds: imported.seconds,
          cpuSeconds: imported.cpuSeconds,
          rate: importRate,
          ratio: importRate / baseRate,
        },
        {
          engine,
          label: 'importer again (all skipped)',
          count: imported.count,
          seconds: imported.rerunSeconds,
          cpuSeconds: imported.rerunCpuSeconds,
          rate: rerunRate,
          ratio: rerunRate / baseRate,
        }
      );
      results.push({
        engine,
        baseline: { ...baseline, rate: baseRate },
        import: { ...imported, rate: importRate, rerunRate },
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const sqlite = rows.find((row) => row.engine === 'sqlite' && row.label.startsWith('importer ('));
  const verdict = sqlite
    ? `SQLite import: ${sqlite.rate.toFixed(1)} stories/s; target ${TARGET_SQLITE}/s ${sqlite.rate >= TARGET_SQLITE ? 'met' : 'NOT met'}`
    : 'SQLite not measured';
  const report = {
    date: new Date().toISOString(),
    count,
    seed,
    publish,
    machine: machineInfo(),
    targetSqlitePerSecond: TARGET_SQLITE,
    results,
    verdict,
  };
  const resultsDir = path.join(appDir, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `import-${report.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const load =
    `Load average at the end: ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs` +
    ' (stories/CPU-s counts this process only: Strapi, the importer and, for SQLite, the database engine).';
  process.stdout.write(
    `\n${table(rows)}\n\n${verdict}\n${load}\nResults: ${path.relative(appDir, file)}\n`
  );
};

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
