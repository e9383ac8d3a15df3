#!/usr/bin/env node
'use strict';
/**
 * Exact JavaScript calls per request of our app against plain Strapi (bench/findings.md §4): both apps as
 * the suite builds them, the main data set loaded through each app's Document Service, then N requests of
 * one case to each server with bench/calls/preload.js counting. Prints calls per request by package and the
 * functions whose counts differ most. Reproducible on a loaded machine, unlike time.
 *
 *   node bench/calls/run.js [--db sqlite|postgres] [--requests 500] [--case graphql-findOne|rest-findOne]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fork } = require('child_process');
const { prepareOurApp, preparePlainApp } = require('../lib/apps');
const { createDatabase } = require('../lib/databases');
const { baseEnv } = require('../lib/env');
const { startServer, sleep } = require('../lib/server');
const { run } = require('../lib/http');
const { ONE } = require('../scenarios/graphql');

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const engine = arg('db', 'sqlite');
const requests = Number(arg('requests', '500'));
const kind = arg('case', 'graphql-findOne');
const workDir = path.join(os.tmpdir(), 'pishkhan-calls');
const callsDir = path.join(workDir, 'calls');

const CASES = {
  'graphql-findOne': (row) => ({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ONE, variables: { documentId: row.documentId } }),
  }),
  'rest-findOne': (row) => ({
    path: `/api/articles/${row.documentId}?locale=fa&populate[section][fields][0]=name&populate[quotedOfficials][fields][0]=fullName`,
  }),
};

const load = (name, app, ourDist, database) =>
  new Promise((resolve, reject) => {
    const jobFile = path.join(workDir, `load-${name}.json`);
    const outFile = path.join(workDir, `loaded-${name}.json`);
    fs.writeFileSync(
      jobFile,
      JSON.stringify({
        app: name,
        appDir: app.appDir,
        distDir: app.distDir,
        ourDist,
        env: { ...baseEnv(), ...(app.env || {}), ...database.env },
        dataset: { seed: 1396, articles: 100 },
        concurrency: 1,
        sampleSize: 100,
        outFile,
      })
    );
    const child = fork(path.join(__dirname, '..', 'lib', 'load-docs.js'), [jobFile], {
      cwd: app.appDir,
      stdio: 'inherit',
    });
    child.on('exit', (code) =>
      code
        ? reject(new Error(`loading ${name} exited with ${code}`))
        : resolve(JSON.parse(fs.readFileSync(outFile)))
    );
  });

/** Calls per request by key (file, function, offset). */
const countOf = (file) => {
  const counts = new Map();
  for (const [url, name, offset, calls] of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    const key = `${url} ${name || '(anonymous)'}@${offset}`;
    counts.set(key, (counts.get(key) || 0) + calls / requests);
  }
  return counts;
};
const packageOf = (key) => {
  const file = key.split(' ')[0];
  if (file.startsWith('dist/')) return file.split('/').slice(0, 3).join('/');
  return /^(@[^/]+\/[^/]+|[^/]+)/.exec(file)?.[1] ?? file;
};

const main = async () => {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(callsDir, { recursive: true });
  const ours = prepareOurApp({ appDir: path.join(workDir, 'app'), log: () => {} });
  ours.env = { RESPONSE_CACHE: 'false' };
  const plain = preparePlainApp({ appDir: path.join(workDir, 'plain'), ourDist: ours.distDir });
  const counts = {};
  for (const [name, app] of Object.entries({ ours, plain })) {
    const database = await createDatabase({
      engine,
      name: `calls_${name}`,
      dir: path.join(workDir, 'db'),
    });
    try {
      const loaded = await load(name, app, ours.distDir, database);
      const server = await startServer({
        app: { ...app, name, env: { ...(app.env || {}), CALLS_DIR: callsDir } },
        env: database.env,
        logDir: path.join(workDir, 'logs'),
        label: `calls-${name}`,
        nodeArgs: ['-r', path.join(__dirname, 'preload.js')],
      });
      try {
        const list = loaded.sample.map(CASES[kind]);
        await run({ url: server.url, requests: list, amount: 200, connections: 1 }); // warm-up
        process.kill(server.pid, 'SIGUSR2');
        await sleep(1500);
        await run({ url: server.url, requests: list, amount: requests, connections: 1 });
        process.kill(server.pid, 'SIGUSR2');
        const file = path.join(callsDir, `${server.pid}-2.json`);
        for (let waited = 0; !fs.existsSync(file) && waited < 30000; waited += 250)
          await sleep(250);
        counts[name] = countOf(file);
      } finally {
        await server.stop();
      }
    } finally {
      await database.drop();
    }
  }
  const total = (map) => [...map.values()].reduce((sum, value) => sum + value, 0);
  const print = (line) => process.stdout.write(`${line}\n`);
  print(
    `${kind} on ${engine}, ${requests} requests: JavaScript calls a request, ours ${total(counts.ours).toFixed(0)}, plain ${total(counts.plain).toFixed(0)}`
  );
  const byPackage = {};
  for (const [name, map] of Object.entries(counts))
    for (const [key, value] of map) {
      byPackage[packageOf(key)] ??= { ours: 0, plain: 0 };
      byPackage[packageOf(key)][name] += value;
    }
  print('\nby package (ours, plain, difference):');
  for (const [name, row] of Object.entries(byPackage)
    .filter(([, row]) => Math.abs(row.ours - row.plain) >= 2)
    .sort(([, a], [, b]) => Math.abs(b.ours - b.plain) - Math.abs(a.ours - a.plain))
    .slice(0, 25))
    print(
      `  ${name.padEnd(45)} ${row.ours.toFixed(1).padStart(9)} ${row.plain.toFixed(1).padStart(9)} ${(row.ours - row.plain).toFixed(1).padStart(8)}`
    );
  print('\nfunctions (ours, plain):');
  const keys = new Set([...counts.ours.keys(), ...counts.plain.keys()]);
  for (const key of [...keys]
    .map((key) => [key, counts.ours.get(key) || 0, counts.plain.get(key) || 0])
    .filter(([, a, b]) => Math.abs(a - b) >= 0.5)
    .sort((x, y) => Math.abs(y[1] - y[2]) - Math.abs(x[1] - x[2]))
    .slice(0, 40))
    print(`  ${key[1].toFixed(1).padStart(8)} ${key[2].toFixed(1).padStart(8)}  ${key[0]}`);
};

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  }
);
