#!/usr/bin/env node
'use strict';
/**
 * What the GraphQL operation limits (depth, aliases, directives, tokens, cost: docs/api.md, "GraphQL
 * limits") cost the front-page query, in one run:
 * 1. end to end: our app against the same compiled app with the limits taken out of its Apollo options,
 *    alternately (bench/lib/http.js), on one SQLite database of the main data set, response cache off;
 * 2. the checks alone: the same validation rules, token-limited parse and cost plugin, timed in this process
 *    on the front-page document against the served schema, as a share of a front page's server CPU time.
 * On this two-core machine two servers of one app differ by more than 2% end to end, so (2) is the figure
 * to hold against the target (under 2%); (1) shows nothing larger is hiding. Usage:
 *   node bench/graphql-limits/run.js [--articles 1000] [--rounds 6] [--duration 8]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fork } = require('child_process');
const {
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  validate,
  specifiedRules,
} = require('graphql');

const { prepareOurApp, prepareVariant } = require('../lib/apps');
const { createDatabase } = require('../lib/databases');
const { baseEnv } = require('../lib/env');
const { startServer } = require('../lib/server');
const { cpuTimeOf } = require('../lib/process-cpu');
const { compareTargets, request } = require('../lib/http');

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const opts = {
  articles: arg('articles', 1000),
  rounds: arg('rounds', 6),
  durationSec: arg('duration', 8),
};
const workDir = path.join(os.tmpdir(), 'pishkhan-bench-graphql-limits');
const log = (message) => process.stdout.write(`${message}\n`);

// The front page of tests/api/graphql/page-queries.ts (cost 1,170), kept as a fixture both read.
const FRONT_PAGE = fs.readFileSync(
  path.join(__dirname, '..', '..', 'tests', 'fixtures', 'graphql', 'front-page.graphql'),
  'utf8'
);

/** The same compiled app without the limits' Apollo options (Strapi's own depth rule stays in both). */
const prepareLimitsOff = (ours) => {
  const variant = prepareVariant({ ours, appDir: path.join(workDir, 'limits-off'), drop: [] });
  fs.appendFileSync(
    path.join(variant.distDir, 'config', 'plugins.js'),
    `
// bench/graphql-limits: the GraphQL operation limits taken out
const withLimits = exports.default;
exports.default = (params) => {
  const config = withLimits(params);
  const { validationRules, plugins, parseOptions, ...apolloServer } = config.graphql.config.apolloServer;
  config.graphql.config.apolloServer = apolloServer;
  return config;
};
`
  );
  return { ...variant, name: 'limits-off' };
};

const loadMain = (ours, database) =>
  new Promise((resolve, reject) => {
    const jobFile = path.join(workDir, 'load.json');
    const outFile = path.join(workDir, 'loaded.json');
    fs.writeFileSync(
      jobFile,
      JSON.stringify({
        app: 'ours',
        appDir: ours.appDir,
        distDir: ours.distDir,
        ourDist: ours.distDir,
        env: { ...baseEnv(), ...database.env },
        dataset: { seed: 1396, articles: opts.articles },
        concurrency: 1,
        sampleSize: 10,
        outFile,
      })
    );
    const child = fork(path.join(__dirname, '..', 'lib', 'load-docs.js'), [jobFile], {
      cwd: ours.appDir,
      stdio: 'inherit',
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')))
        : reject(new Error(`loading failed (${code})`))
    );
  });

/** Microseconds per run of the checks on the front page: parse with the token limit, validation, cost. */
const timeChecks = async (ours, schema) => {
  // The app's own configuration with every variable at its default.
  const defaults = (name, fallback) => fallback;
  const config = require(path.join(ours.distDir, 'config', 'plugins.js')).default({
    env: Object.assign(defaults, { int: defaults, bool: defaults }),
  });
  const limits = config.graphql.config.apolloServer;
  // The plugins that check an operation once it is resolved (the cost budget), wherever they sit in the list.
  const listeners = (
    await Promise.all(limits.plugins.map((plugin) => plugin.requestDidStart?.()))
  ).filter((listener) => listener && typeof listener.didResolveOperation === 'function');
  if (listeners.length === 0)
    throw new Error(
      'graphql-limits: no plugin checks a resolved operation (the cost plugin is missing)'
    );
  const once = async (withChecks) => {
    const document = parse(FRONT_PAGE, withChecks ? limits.parseOptions : undefined);
    const errors = validate(
      schema,
      document,
      withChecks ? [...specifiedRules, ...limits.validationRules] : specifiedRules
    );
    if (errors.length) throw errors[0];
    if (withChecks) {
      for (const listener of listeners)
        await listener.didResolveOperation({
          request: { query: FRONT_PAGE },
          document,
          schema,
          contextValue: { state: {} },
        });
    }
  };
  const perRun = async (withChecks, runs) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < runs; i += 1) await once(withChecks);
    return Number(process.hrtime.bigint() - started) / 1000 / runs;
  };
  for (let i = 0; i < 2000; i += 1) {
    await once(true);
    await once(false);
  }
  const on = [];
  const off = [];
  for (let round = 0; round < 10; round += 1) {
    on.push(await perRun(true, 1000));
    off.push(await perRun(false, 1000));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { withChecksUs: median(on), withoutUs: median(off), checksUs: median(on) - median(off) };
};

const main = async () => {
  fs.mkdirSync(workDir, { recursive: true });
  const ours = prepareOurApp({ appDir: path.join(workDir, 'ours'), log });
  const off = prepareLimitsOff(ours);
  const database = await createDatabase({
    engine: 'sqlite',
    name: 'graphql_limits',
    dir: path.join(workDir, 'db'),
  });
  const loaded = await loadMain(ours, database);
  log(`loaded ${loaded.counts.articles} articles, ${loaded.counts.sections} sections`);
  const env = { ...database.env, RESPONSE_CACHE: 'false' };
  const logDir = path.join(workDir, 'logs');
  const servers = {
    on: await startServer({ app: ours, env, logDir }),
    off: await startServer({ app: off, env, logDir }),
  };
  try {
    const body = JSON.stringify({ query: FRONT_PAGE });
    for (const [key, server] of Object.entries(servers)) {
      const res = await request(`${server.url}/graphql`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      if (res.status !== 200 || res.json.errors)
        throw new Error(`${key}: ${JSON.stringify(res.json).slice(0, 300)}`);
    }
    const requests = [
      { path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body },
    ];
    const result = await compareTargets({
      targets: Object.entries(servers).map(([key, server]) => ({
        key,
        url: server.url,
        requests,
        cpuTime: () => cpuTimeOf(server.pid),
      })),
      rounds: opts.rounds,
      durationSec: opts.durationSec,
      warmupSec: 5,
      warmupRequests: 2000,
      connections: 2,
      log,
    });
    const introspection = await request(`${servers.on.url}/graphql`, {
      method: 'POST',
      body: JSON.stringify({ query: getIntrospectionQuery() }),
      headers: { 'content-type': 'application/json' },
    });
    const checks = await timeChecks(ours, buildClientSchema(introspection.json.data));
    const cpuMs = result.off.cpuMsPerRequest;
    const summary = {
      date: new Date().toISOString(),
      articles: loaded.counts.articles,
      endToEnd: Object.fromEntries(
        Object.entries(result).map(([key, r]) => [
          key,
          {
            medianMs: r.median,
            p99Ms: r.p99,
            rps: r.rps,
            cpuMsPerRequest: r.cpuMsPerRequest,
            non2xx: r.non2xx,
          },
        ])
      ),
      endToEndCpuDifference: result.on.cpuMsPerRequest / result.off.cpuMsPerRequest - 1,
      checks,
      checksShareOfFrontPageCpu: checks.checksUs / 1000 / cpuMs,
    };
    fs.writeFileSync(
      path.join(__dirname, 'last-run.json'),
      `${JSON.stringify(summary, null, 2)}\n`
    );
    log(JSON.stringify(summary, null, 2));
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    await database.drop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
