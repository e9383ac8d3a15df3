#!/usr/bin/env node
'use strict';
/**
 * Scheduled publishing, measured (issue #22): `npm run bench:scheduling` (after `npm run build`, or with
 * the server compiled by a test run). One app in process on a fresh SQLite database.
 *
 * 1. Public reads with and without the scheduler: the embargo adds no check to a public read (a scheduled
 *    story is a draft until its time, so reads are Strapi's own), but every instance polls the schedule
 *    table once a second. Alternating rounds of the article list and a findOne (response cache off, so
 *    every read reaches the database), with the scheduler stopped ("today") and running at 1 s with
 *    200 pending schedules: requests/s and p50/p99.
 * 2. Lateness of 200 scheduled publishes (publishedAt minus the due time): spread over 10 s (one every
 *    50 ms), then all due in the same second.
 *
 * Options: --duration S (5; each read round), --rounds N (4), --connections N (4), --count N (200).
 * Results: a markdown table on stdout and bench/results/scheduling-<timestamp>.json (gitignored).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');

const repo = path.resolve(__dirname, '..', '..');
// Called by `npm run bench` as a hook (bench/scenarios/hooks.js): its compiled snapshot of the app.
const appDir = process.env.BENCH_APP_DIR || repo;
const distDir = process.env.BENCH_APP_DIST || path.join(appDir, 'dist');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const DURATION = Number(arg('duration', 5));
const ROUNDS = Number(arg('rounds', 4));
const CONNECTIONS = Number(arg('connections', 4));
const COUNT = Number(arg('count', 200));
const RESULT_FILE = arg('json', process.env.BENCH_RESULT_FILE);
const UID = 'api::article.article';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const boot = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scheduling-'));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_DEMO: 'false',
    APP_KEYS: 'bench-1,bench-2',
    API_TOKEN_SALT: 'bench',
    ADMIN_JWT_SECRET: 'bench',
    TRANSFER_TOKEN_SALT: 'bench',
    JWT_SECRET: 'bench',
    ENCRYPTION_KEY: 'bench-encryption-key-0123456789ab',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    RESPONSE_CACHE: 'false',
    // The app's own scheduler idles; the bench starts and stops one with the same code.
    SCHEDULER_INTERVAL_MS: String(3600_000),
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi, dir, base: `http://127.0.0.1:${strapi.server.httpServer.address().port}` };
};

const load = (url) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (error, result) => {
      if (error) reject(error);
      else
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
        });
    });
  });

const readsAgainstScheduler = async (strapi, base) => {
  const { startScheduler } = require(path.join(distDir, 'src/scheduling/runner'));
  const { setSchedule } = require(path.join(distDir, 'src/scheduling/table'));
  const documents = strapi.documents(UID);
  const stories = [];
  for (let i = 0; i < 60; i += 1) {
    stories.push(
      await documents.create({
        locale: 'fa',
        status: 'published',
        data: { title: `خبر شماره‌ی ${i}`, lead: `لید خبر ${i}` },
      })
    );
  }
  for (let i = 0; i < 200; i += 1) {
    const draft = await documents.create({
      locale: 'fa',
      data: { title: `خبر آینده ${i}`, lead: 'لید' },
    });
    await setSchedule(strapi, {
      documentId: draft.documentId,
      locale: 'fa',
      action: 'publish',
      dueAt: Date.now() + 86_400_000,
    });
  }
  const urls = {
    list: `${base}/api/articles?pagination[pageSize]=25`,
    findOne: `${base}/api/articles/${stories[30].documentId}`,
  };
  const results = { today: { list: [], findOne: [] }, scheduler: { list: [], findOne: [] } };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const mode of round % 2 ? ['scheduler', 'today'] : ['today', 'scheduler']) {
      const scheduler =
        mode === 'scheduler' ? startScheduler(strapi, { intervalMs: 1000, workers: 1 }) : null;
      for (const [name, url] of Object.entries(urls)) results[mode][name].push(await load(url));
      await scheduler?.stop();
    }
  }
  // What each instance adds every second with nothing due: one look at the schedule table.
  const { claimDue } = require(path.join(distDir, 'src/scheduling/table'));
  const ticks = 500;
  const started = process.hrtime.bigint();
  for (let i = 0; i < ticks; i += 1) await claimDue(strapi, Date.now(), async () => undefined);
  results.tickMs = Number(process.hrtime.bigint() - started) / 1e6 / ticks;
  return results;
};

const lateness = async (strapi, spacingMs) => {
  const { startScheduler } = require(path.join(distDir, 'src/scheduling/runner'));
  const documents = strapi.documents(UID);
  const ids = [];
  for (let i = 0; i < COUNT; i += 1)
    ids.push(
      (
        await documents.create({
          locale: 'fa',
          data: { title: `موعد ${spacingMs} ${i}`, lead: 'لید' },
        })
      ).documentId
    );
  // Lead time for scheduling them all through the save path (about 2 writes a story).
  const first = Math.ceil((Date.now() + COUNT * 400) / 1000) * 1000;
  const due = ids.map((_, i) => first + i * spacingMs);
  // Through the save path, as an editor schedules: the date on the draft, then publish.
  for (let i = 0; i < ids.length; i += 1) {
    await documents.update({
      documentId: ids[i],
      locale: 'fa',
      data: { publishedOn: new Date(due[i]).toISOString() },
    });
    await documents.publish({ documentId: ids[i], locale: 'fa' });
  }
  if (Date.now() >= due[0])
    throw new Error('scheduling the stories took longer than the lead time');
  const scheduler = startScheduler(strapi, { intervalMs: 1000, workers: 1 });
  const deadline = Date.now() + 300_000;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await strapi.db.query(UID).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId', 'publishedAt'],
    });
    if (rows.length === ids.length) break;
    await sleep(500);
  }
  await scheduler.stop();
  const dueOf = new Map(ids.map((id, i) => [id, due[i]]));
  const late = rows
    .map((row) => new Date(row.publishedAt).getTime() - dueOf.get(row.documentId))
    .sort((a, b) => a - b);
  return {
    published: rows.length,
    early: late.filter((ms) => ms < 0).length,
    min: late[0],
    p50: quantile(late, 0.5),
    p90: quantile(late, 0.9),
    p99: quantile(late, 0.99),
    max: late[late.length - 1],
  };
};

/** The `npm run bench` hook contract (bench/scenarios/hooks.js): ours = scheduler running, baseline = stopped. */
const hookResult = (reads, spread, burst) => {
  const metric = (name, unit, better, ours, baseline) => ({
    name,
    unit,
    better,
    ours,
    baseline,
    ratio: baseline ? ours / baseline : null,
  });
  const lateCase = (id, title, r) => ({
    id,
    title,
    kind: 'hook',
    pass: r.early === 0 && r.max <= 5000,
    metrics: ['p50', 'p90', 'p99', 'max'].map((name) =>
      metric(`lateness ${name}`, 'ms', 'lower', r[name], null)
    ),
  });
  return {
    title:
      'Scheduled publishing: public reads with the scheduler running against it stopped; lateness of scheduled publishes',
    target:
      'no measurable cost on public reads; every scheduled publish at most 5 s late, none early',
    notes: [
      `one scheduler tick with nothing due: ${reads.tickMs.toFixed(2)} ms, once a second per instance`,
      `${COUNT} publishes per lateness case, SQLite, one instance; ${spread.early + burst.early} early`,
    ],
    cases: [
      ...['list', 'findOne'].map((name) => ({
        id: `reads-${name}`,
        title: `${name === 'list' ? 'article list' : 'findOne'}: scheduler at 1 s with 200 pending against stopped`,
        kind: 'hook',
        metrics: [
          metric(
            'p50',
            'ms',
            'lower',
            median(reads.scheduler[name].map((r) => r.p50)),
            median(reads.today[name].map((r) => r.p50))
          ),
          metric(
            'rps',
            'req/s',
            'higher',
            median(reads.scheduler[name].map((r) => r.rps)),
            median(reads.today[name].map((r) => r.rps))
          ),
        ],
      })),
      lateCase('lateness-spread', `lateness, ${COUNT} publishes spread over 10 s`, spread),
      lateCase('lateness-burst', `lateness, ${COUNT} publishes due in the same second`, burst),
    ],
  };
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

(async () => {
  const { strapi, dir, base } = await boot();
  try {
    const reads = await readsAgainstScheduler(strapi, base);
    const spread = await lateness(strapi, Math.round(10_000 / COUNT));
    const burst = await lateness(strapi, 0);
    const rows = [];
    for (const name of ['list', 'findOne']) {
      for (const mode of ['today', 'scheduler']) {
        const runs = reads[mode][name];
        rows.push(
          `| ${name} | ${mode === 'today' ? 'scheduler stopped (today)' : 'scheduler at 1 s, 200 pending'} | ${Math.round(median(runs.map((r) => r.rps)))} | ${median(runs.map((r) => r.p50))} | ${median(runs.map((r) => r.p99))} | ${runs.reduce((n, r) => n + r.non2xx, 0)} |`
        );
      }
    }
    console.log(
      `\nPublic reads (SQLite, cache off, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION} s, medians)\n`
    );
    console.log('| read | mode | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|');
    console.log(rows.join('\n'));
    console.log(
      `\nOne scheduler tick with nothing due (200 pending): ${reads.tickMs.toFixed(2)} ms, once a second per instance`
    );
    console.log(`\nLateness of ${COUNT} scheduled publishes (publishedAt − due, ms)\n`);
    console.log(
      '| due | published | early | min | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|---|'
    );
    for (const [name, r] of [
      [`one every ${Math.round(10_000 / COUNT)} ms`, spread],
      ['all in the same second', burst],
    ]) {
      console.log(
        `| ${name} | ${r.published} | ${r.early} | ${r.min} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} |`
      );
    }
    if (RESULT_FILE)
      fs.writeFileSync(RESULT_FILE, JSON.stringify(hookResult(reads, spread, burst), null, 2));
    const out = path.join(
      repo,
      'bench',
      'results',
      `scheduling-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify(
        { machine: { cpus: os.cpus().length, load: os.loadavg() }, reads, spread, burst },
        null,
        2
      )
    );
  } finally {
    await strapi.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
