#!/usr/bin/env node
'use strict';
/**
 * The breaking-news read path, measured: cached public reads against the same app with the cache off
 * (every local plugin still on, RESPONSE_CACHE=false), in one run, on one SQLite database filled by
 * prepare.js, with autocannon on loopback, each load bounded in time. (Against plain Strapi:
 * `npm run bench -- --only rest --with-cache`.)
 *
 *   npm run bench:cache                                  # off, memory, redis (if REDIS_URL or 6379 answers)
 *   npm run bench:cache -- --duration 5 --mixed 10       # a quick run
 *
 * Options: --duration S (10; each throughput run), --connections N (10), --stories N (120),
 * --mixed S (20; the mixed read/publish run), --rate R (500 reads/s in the mixed run),
 * --publish-every MS (1000), --modes off,memory,redis, --no-build (use dist/ as it is).
 *
 * 1. Throughput: the front-page list and one story page (findOne with the whole body), each at full load
 *    for --duration seconds: requests/s, p50 and p99 latency.
 * 2. Mixed: --rate reads/s spread over a front page, section pages, stories, slug lookups, the archive,
 *    search and GraphQL, while a publisher publishes a correction of the hot story every --publish-every
 *    ms: achieved rate, p99, hit ratio (from X-Cache), and every read of the hot story checked against
 *    the corrections whose publish call had already returned when the read was sent (stale reads).
 *
 * Results: a markdown table on stdout and bench/results/cache-<timestamp>.json (gitignored).
 */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');

const appDir = path.resolve(__dirname, '..', '..');

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const DURATION = Number(arg('duration', 10));
const CONNECTIONS = Number(arg('connections', 10));
const STORIES = Number(arg('stories', 120));
const MIXED = Number(arg('mixed', 20));
const RATE = Number(arg('rate', 500));
const PUBLISH_EVERY = Number(arg('publish-every', 1000));
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

// The suite's fixed local secrets (bench/lib/env.js), with the demo content and quiet logs.
const baseEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME || os.tmpdir(),
  ...require('../lib/env').baseEnv(),
  LOG_LEVEL: 'error',
  SEED_DEMO: 'true',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const run = (script, args, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, script), ...args], {
      cwd: appDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}\n${err}${out}`))
    );
  });

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = require('net').createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const request = (port, method, pathname, { headers = {}, body } = {}) =>
  new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: pathname,
        headers: {
          ...headers,
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          })
        );
      }
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });

const startServer = async (env) => {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', 'serve-api.js')], {
    cwd: appDir,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await request(port, 'GET', '/_health')).status === 204) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`server not healthy:\n${log}`);
    await sleep(200);
  }
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

const redisReachable = async () => {
  const Redis = require('ioredis');
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch {
    client.disconnect();
    return null;
  }
};

const load = (opts) => autocannon({ connections: CONNECTIONS, pipelining: 1, ...opts });

const summary = (result) => ({
  rps: Math.round(result.requests.average),
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
});

const main = async () => {
  if (!process.argv.includes('--no-build')) {
    process.stderr.write('Compiling the server into dist/ …\n');
    const { compileStrapi } = require('@strapi/strapi');
    // The plugins load their packages' dist/, built apart from the app's.
    await require('../../scripts/build-packages').buildPackages({ declarations: false });
    await compileStrapi({ appDir, ignoreDiagnostics: false });
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishkhan-bench-cache-'));
  const dbEnv = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') };
  const prefix = `pishkhan:bench:${crypto.randomBytes(4).toString('hex')}:`;
  let redis = null;
  try {
    process.stderr.write(`Preparing a database with ${STORIES} stories …\n`);
    const prepared = JSON.parse(
      (
        await run('prepare.js', [String(STORIES)], {
          ...baseEnv,
          ...dbEnv,
          RESPONSE_CACHE: 'false',
        })
      )
        .trim()
        .split('\n')
        .pop()
    );
    const { token, stories, sections } = prepared;
    const hot = stories[stories.length - 1];
    const LIST =
      '/api/articles?locale=fa&populate[section]=true&pagination[pageSize]=20&sort=publishedOn:desc';
    const STORY_POPULATE =
      'populate[section][populate]=parent&populate[quotedOfficials]=true&populate[body][on][article.paragraph]=true&populate[body][on][article.quote][populate]=official';
    const STORY = `/api/articles/${hot.documentId}?locale=fa&${STORY_POPULATE}`;

    const wanted = arg('modes', 'off,memory,redis').split(',');
    redis = wanted.includes('redis') ? await redisReachable() : null;
    const modes = [
      { name: 'off', label: 'cache off (our app)', env: { RESPONSE_CACHE: 'false' } },
      { name: 'memory', label: 'cache, in-process LRU', env: { RESPONSE_CACHE: 'true' } },
      {
        name: 'redis',
        label: 'cache, Redis',
        env: { RESPONSE_CACHE: 'true', REDIS_URL, RESPONSE_CACHE_REDIS_PREFIX: prefix },
      },
    ].filter((mode) => wanted.includes(mode.name) && (mode.name !== 'redis' || redis));
    if (wanted.includes('redis') && !redis)
      process.stderr.write(`Redis not reachable at ${REDIS_URL}: the redis mode is skipped.\n`);

    const mixedPaths = [
      LIST,
      STORY,
      `/api/articles/slug/${encodeURIComponent(hot.slug)}?locale=fa&${STORY_POPULATE}`,
      ...stories
        .slice(0, 8)
        .map((story) => `/api/articles/${story.documentId}?locale=fa&${STORY_POPULATE}`),
      ...sections
        .slice(0, 3)
        .map(
          (section) =>
            `/api/articles?locale=fa&filters[section][documentId][$eq]=${section}&pagination[pageSize]=10`
        ),
      '/api/articles/archive/1403/1?locale=fa&pagination[pageSize]=10',
      `/api/articles/code/${hot.newsCode}`,
      `/api/search?q=${encodeURIComponent('بودجه')}&locale=fa&pagination[pageSize]=10`,
    ];
    const graphqlBody = JSON.stringify({
      query:
        '{ articles(locale: "fa", pagination: { pageSize: 10 }) { documentId title slug publishedOnJalali { long } section { name } } }',
    });

    const results = {
      machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() },
      settings: { DURATION, CONNECTIONS, STORIES, MIXED, RATE, PUBLISH_EVERY },
      modes: {},
    };
    let version = 0;

    for (const mode of modes) {
      process.stderr.write(`\n[${mode.name}] starting the app …\n`);
      const server = await startServer({ ...baseEnv, ...dbEnv, ...mode.env });
      const url = `http://127.0.0.1:${server.port}`;
      try {
        const out = { label: mode.label };
        for (const [name, pathname] of [
          ['list', LIST],
          ['findOne', STORY],
        ]) {
          await load({ url: url + pathname, duration: 2 }); // warm-up
          process.stderr.write(
            `[${mode.name}] ${name}: ${DURATION} s at ${CONNECTIONS} connections …\n`
          );
          const seen = {};
          const result = await load({
            url,
            duration: DURATION,
            requests: [
              {
                method: 'GET',
                path: pathname,
                onResponse: (status, body, context, headers) => {
                  const label = headers['x-cache'] || headers['X-Cache'] || 'none';
                  seen[label] = (seen[label] || 0) + 1;
                },
              },
            ],
          });
          out[name] = { ...summary(result), labels: seen };
        }

        // Mixed: reads at a fixed rate, a correction of the hot story every PUBLISH_EVERY ms.
        const labels = { HIT: 0, MISS: 0, BYPASS: 0, none: 0 };
        const returned = []; // [time the publish call returned, version]
        const hotReads = { total: 0, stale: 0 };
        let publishing = true;
        const publishTimes = [];
        const publisher = (async () => {
          while (publishing) {
            const started = Date.now();
            version += 1;
            const res = await request(
              server.port,
              'PUT',
              `/api/articles/${hot.documentId}?status=published&locale=fa`,
              {
                headers: { authorization: `Bearer ${token}` },
                body: { data: { title: `خبر فوری، اصلاحیه‌ی ${version}` } },
              }
            );
            if (res.status !== 200)
              throw new Error(`publish answered ${res.status}: ${res.text.slice(0, 300)}`);
            returned.push([Date.now(), version]);
            publishTimes.push(Date.now() - started);
            await sleep(Math.max(0, PUBLISH_EVERY - (Date.now() - started)));
          }
        })();
        const versionReturnedBefore = (time) => {
          let known = 0;
          for (const [at, v] of returned) if (at < time) known = v;
          return known;
        };
        const requests = [
          ...mixedPaths.map((pathname) => ({ method: 'GET', path: pathname })),
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            body: graphqlBody,
          },
        ].map((req) => ({
          ...req,
          setupRequest: (r, context) => {
            context.sent = Date.now();
            return r;
          },
          onResponse: (status, body, context, headers) => {
            const label = headers['x-cache'] || headers['X-Cache'] || 'none';
            labels[label] = (labels[label] || 0) + 1;
            if (req.path === STORY && status === 200) {
              hotReads.total += 1;
              const match = /اصلاحیه‌ی (\d+)/.exec(body);
              const seen = match ? Number(match[1]) : 0;
              if (seen < versionReturnedBefore(context.sent)) hotReads.stale += 1;
            }
          },
        }));
        process.stderr.write(
          `[${mode.name}] mixed: ${RATE} reads/s for ${MIXED} s, a publish every ${PUBLISH_EVERY} ms …\n`
        );
        const mixed = await load({
          url,
          duration: MIXED,
          connections: Math.max(CONNECTIONS, 20),
          overallRate: RATE,
          requests,
        });
        publishing = false;
        await publisher;
        const cacheLabelled = labels.HIT + labels.MISS + labels.BYPASS;
        out.mixed = {
          ...summary(mixed),
          publishes: publishTimes.length,
          publishP50:
            publishTimes.sort((a, b) => a - b)[Math.floor(publishTimes.length / 2)] ?? null,
          hitRatio: cacheLabelled ? labels.HIT / cacheLabelled : null,
          labels,
          hotStoryReads: hotReads.total,
          staleHotStoryReads: hotReads.stale,
        };
        results.modes[mode.name] = out;
      } finally {
        await server.stop();
      }
    }

    const off = results.modes.off;
    const lines = [
      '| mode | list req/s | list p50 / p99 ms | list × off | story req/s | story p50 / p99 ms | story × off | mixed req/s (asked ' +
        RATE +
        ') | mixed p99 ms | hit ratio | stale reads |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const [name, out] of Object.entries(results.modes)) {
      const times = (metric) =>
        off && name !== 'off' ? `${(out[metric].rps / off[metric].rps).toFixed(1)}×` : '—';
      lines.push(
        `| ${out.label} | ${out.list.rps} | ${out.list.p50} / ${out.list.p99} | ${times('list')} | ${out.findOne.rps} | ${out.findOne.p50} / ${out.findOne.p99} | ${times('findOne')} | ${out.mixed.rps} | ${out.mixed.p99} | ${out.mixed.hitRatio === null ? '—' : `${(out.mixed.hitRatio * 100).toFixed(1)} %`} | ${out.mixed.staleHotStoryReads} of ${out.mixed.hotStoryReads} |`
      );
    }
    const table = lines.join('\n');
    const resultsDir = path.join(appDir, 'bench', 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(
      resultsDir,
      `cache-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
    );
    fs.writeFileSync(file, `${JSON.stringify({ ...results, table }, null, 2)}\n`);
    process.stdout.write(
      `\n${table}\n\nMachine: ${os.cpus().length} CPUs, Node ${process.version}, load average at the end ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}. Results: ${path.relative(appDir, file)}\n`
    );
  } finally {
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
