#!/usr/bin/env node
'use strict';
/**
 * The benchmark suite: `npm run bench` (see docs/benchmarks.md). Every HTTP scenario runs our app and a
 * baseline in the same run, alternately, with autocannon on loopback, on SQLite and PostgreSQL.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fork, execSync } = require('child_process');

const { prepareOurApp, preparePlainApp, prepareVariant, REPO } = require('./lib/apps');
const { createDatabase, postgresAvailable } = require('./lib/databases');
const { baseEnv } = require('./lib/env');
const { startServer, sleep } = require('./lib/server');
const { machineInfo, cpuPinning } = require('./lib/machine');
const { summarizeProfile } = require('./lib/profile');
const { run: runLoad, warmUpInTurn } = require('./lib/http');

const SCENARIOS = [
  'micro',
  'startup',
  'rest',
  'graphql',
  'lookup',
  'archive',
  'search',
  'saves',
  'writes',
  'import',
  'cache',
  'scheduling',
  'scale',
];
/** Opt-in: run when asked for by --only, by a profile, or by an archive size above SCALE_FROM. */
const OPT_IN = ['scale'];
/** Archive sizes above this go to the scale scenario (kept databases) rather than the archive and search. */
const SCALE_FROM = 100000;
/** Named option sets: `--profile-name million` is issue #24's run. */
const PROFILES = {
  million: {
    db: 'postgres',
    only: ['scale'],
    archiveSizes: [1000, 100000, 1000000],
    rounds: 2,
  },
};
const HTTP_SCENARIOS = ['rest', 'graphql', 'lookup'];
const TITLES = {
  micro: 'Core micro-benchmarks',
  startup: 'Start-up time and resident memory',
  rest: 'REST: article list and findOne',
  graphql: 'GraphQL: the same list and findOne',
  lookup: 'Lookups by slug and news code against findOne by documentId (our app)',
  archive: 'Jalali archive of one month as the archive grows',
  search: 'Search as the archive grows',
  saves: 'Heavy requests: save time against body size, readers during a long save and an import',
  writes: 'Saves: time and SQL statements per create and per update of an article',
  import: 'Import throughput against a plain Document Service loop',
  cache: 'Response cache',
  scheduling: 'Scheduled publishing',
  scale: 'Every read path and the admin list as the archive grows to a million stories',
  load: 'Loading the main data set',
  profile: 'CPU profiles',
};

const HELP = `Usage: npm run bench -- [options]

  --quick                 small data and short runs (a few minutes; for development)
  --db <sqlite|postgres|both>   engines to run on (default both; PostgreSQL at BENCH_POSTGRES_URL,
                          TEST_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --only <a,b,…>          scenarios to run: ${SCENARIOS.join(', ')}
  --skip <a,b,…>          scenarios to leave out
  --articles <n>          articles in the main data set (default 300, quick 100)
  --archive-sizes <a,b,…> archive and search sizes (default 1000,10000,100000; quick 1000,10000)
  --duration <s>          about how long a measured run lasts: each sends as many requests as the app
                          answered in that time during its warm-up (default 2.5, quick 2)
  --rounds <n>            alternating rounds per case (default 4, quick 2)
  --warmup <s>            warm-up seconds per app and case (default 2, quick 1), and in scenarios 1–3
  --warmup-requests <n>   on until n requests were answered (default 1000) or four times that long passed
  --settle <s>            seconds every server of scenarios 1–3 idles after the last has started (default 30, quick 15)
  --connections <n>       concurrent connections (default 4)
  --startups <n>          start-ups per app for the start-up scenario (default 3, quick 2)
  --seed <n>              data set seed (default 1396)
  --import-count <n>      stories for the import hook (default 500, quick 200)
  --profile-name <name>   a named option set (options given override it): ${Object.keys(PROFILES).join(', ')}
                          (million: --db postgres --only scale --archive-sizes 1000,100000,1000000 --rounds 2)
                          sizes above ${SCALE_FROM.toLocaleString('en')} run the scale scenario (opt-in,
                          PostgreSQL, databases kept between runs) and not the archive and search
  --prepare-only          the scale scenario only writes its kept databases (no measurement)
  --profile               also record CPU profiles of both apps on the REST and GraphQL cases
  --out <file>            results file (default bench/results/<time>-<full|quick>.json)
  --docs / --no-docs      write docs/benchmarks.md and its charts (default: full runs only)
  --work-dir <dir>        scratch folder (default ${path.join(os.tmpdir(), 'pishkhan-bench')})
  --keep                  keep the databases and the scratch folder
  --allow-type-errors     benchmark what tsc emits even when it reports type errors
  --ablate <m1,m2,…>      also measure our app without each listed middleware (e.g. plugin::jalali-date.rest)
                          in the REST, GraphQL and lookup cases: what one middleware costs
  --twin                  also measure a second server of our app, the same code started last, in those
                          cases: what two servers of one app differ by in this run (findings §17)
  --with-cache            leave our response cache on in scenarios 1–4 (it is off by default there)
  --reuse-app             reuse the compiled snapshot of the last run (development of the suite only)
  --no-pin                do not pin the servers of scenarios 1–3 to CPU 0 and the load generator to the others
  --verbose               print every round
Compare two runs: node bench/compare.js old.json new.json
`;

const parseArgs = (argv) => {
  const opts = {
    ablate: [],
    twin: false,
    withCache: false,
    reuseApp: false,
    db: 'both',
    only: null,
    skip: [],
    connections: 4,
    seed: 1396,
    docs: null,
    verbose: false,
    keep: false,
    profile: false,
    quick: false,
    allowTypeErrors: false,
    pin: true,
  };
  const list = (value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    switch (arg) {
      case '--quick':
        opts.quick = true;
        break;
      case '--db':
        opts.db = value();
        break;
      case '--only':
        opts.only = list(value());
        break;
      case '--skip':
        opts.skip = list(value());
        break;
      case '--articles':
        opts.articles = Number(value());
        break;
      case '--archive-sizes':
        opts.archiveSizes = list(value()).map(Number);
        break;
      case '--duration':
        opts.duration = Number(value());
        break;
      case '--rounds':
        opts.rounds = Number(value());
        break;
      case '--warmup':
        opts.warmup = Number(value());
        break;
      case '--warmup-requests':
        opts.warmupRequests = Number(value());
        break;
      case '--connections':
        opts.connections = Number(value());
        break;
      case '--settle':
        opts.settle = Number(value());
        break;
      case '--startups':
        opts.startups = Number(value());
        break;
      case '--seed':
        opts.seed = Number(value());
        break;
      case '--import-count':
        opts.importCount = Number(value());
        break;
      case '--profile':
        opts.profile = true;
        break;
      case '--prepare-only':
        opts.prepareOnly = true;
        break;
      case '--profile-name': {
        const name = value();
        if (!PROFILES[name]) throw new Error(`unknown profile ${name} (${Object.keys(PROFILES)})`);
        opts.profileName = name;
        break;
      }
      case '--out':
        opts.out = path.resolve(value());
        break;
      case '--docs':
        opts.docs = true;
        break;
      case '--no-docs':
        opts.docs = false;
        break;
      case '--work-dir':
        opts.workDir = path.resolve(value());
        break;
      case '--keep':
        opts.keep = true;
        break;
      case '--allow-type-errors':
        opts.allowTypeErrors = true;
        break;
      case '--reuse-app':
        opts.reuseApp = true;
        break;
      case '--with-cache':
        opts.withCache = true;
        break;
      case '--no-pin':
        opts.pin = false;
        break;
      case '--ablate':
        opts.ablate = list(value());
        break;
      case '--twin':
        opts.twin = true;
        break;
      case '--verbose':
        opts.verbose = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (see --help)`);
    }
  }
  if (opts.profileName) {
    const given = parseArgs.explicit(argv);
    for (const [key, value] of Object.entries(PROFILES[opts.profileName]))
      if (!given.has(key)) opts[key] = value;
  }
  const q = opts.quick;
  opts.articles ??= q ? 100 : 300;
  opts.archiveSizes ??= q ? [1000, 10000] : [1000, 10000, 100000];
  opts.duration ??= q ? 2 : 2.5;
  opts.rounds ??= q ? 2 : 4;
  opts.warmup ??= q ? 1 : 2;
  opts.warmupRequests ??= 1000;
  opts.settle ??= q ? 15 : 30;
  opts.startups ??= q ? 2 : 3;
  // A run that only writes the kept data sets measures nothing to report.
  opts.docs ??= !q && !opts.prepareOnly;
  opts.workDir ??= path.join(os.tmpdir(), 'pishkhan-bench');
  if (!['sqlite', 'postgres', 'both'].includes(opts.db))
    throw new Error('--db is sqlite, postgres or both');
  for (const name of [...(opts.only || []), ...opts.skip])
    if (!SCENARIOS.includes(name)) throw new Error(`unknown scenario ${name}`);
  const scaleSizes = opts.archiveSizes.some((size) => size > SCALE_FROM);
  opts.scenarios = (
    opts.only ||
    SCENARIOS.filter((name) => !OPT_IN.includes(name) || (name === 'scale' && scaleSizes))
  ).filter((name) => !opts.skip.includes(name));
  if (
    opts.archiveSizes.some((size) => !(size >= 200)) ||
    [...opts.archiveSizes].sort((a, b) => a - b).join() !== opts.archiveSizes.join()
  ) {
    throw new Error('--archive-sizes must be increasing, each at least 200');
  }
  return opts;
};

/** The options given on the command line (a profile does not override them). */
parseArgs.explicit = (argv) => {
  const names = {
    '--db': 'db',
    '--only': 'only',
    '--archive-sizes': 'archiveSizes',
    '--rounds': 'rounds',
  };
  return new Set(argv.filter((arg) => names[arg]).map((arg) => names[arg]));
};

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`;
const log = (message) => process.stdout.write(`[${elapsed()}] ${message}\n`);

/** Loads the main data set into fresh databases of both apps, in parallel (one process each). */
const loadMain = async (ctx, engine) => {
  const { opts, apps, workDir } = ctx;
  const databases = {};
  for (const name of ['ours', 'plain'])
    databases[name] = await createDatabase({
      engine,
      name: `${name}_main`,
      dir: path.join(workDir, 'db'),
    });
  const started = Date.now();
  const loading = Promise.all(
    ['ours', 'plain'].map(
      (name) =>
        new Promise((resolve, reject) => {
          const jobFile = path.join(workDir, `load-${name}-${engine}.json`);
          const outFile = path.join(workDir, `loaded-${name}-${engine}.json`);
          fs.writeFileSync(
            jobFile,
            JSON.stringify({
              app: name,
              appDir: apps[name].appDir,
              distDir: apps[name].distDir,
              ourDist: apps.ours.distDir,
              env: { ...baseEnv(), ...(apps[name].env || {}), ...databases[name].env },
              dataset: { seed: opts.seed, articles: opts.articles },
              concurrency: 1,
              sampleSize: 100,
              outFile,
            })
          );
          const logFile = path.join(workDir, 'logs', `load-${name}-${engine}.log`);
          fs.mkdirSync(path.dirname(logFile), { recursive: true });
          const out = fs.openSync(logFile, 'w');
          const child = fork(path.join(__dirname, 'lib', 'load-docs.js'), [jobFile], {
            cwd: apps[name].appDir,
            stdio: ['ignore', out, out, 'ipc'],
          });
          child.on('message', (message) => {
            if (message && message.progress && opts.verbose)
              log(`    ${name}: ${message.progress}/${message.total} articles`);
          });
          child.on('exit', (code) => {
            fs.closeSync(out);
            if (code !== 0)
              return reject(
                new Error(
                  `loading ${name} on ${engine} failed; log: ${logFile}\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`
                )
              );
            resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')));
          });
        })
    )
  );
  let loads;
  try {
    loads = await loading;
  } catch (error) {
    if (!opts.keep)
      for (const database of Object.values(databases)) await database.drop().catch(() => {});
    throw error;
  }
  const main = { ours: loads[0], plain: loads[1] };
  for (const name of ['ours', 'plain']) {
    const { timings, counts, articlesPerSecond } = main[name];
    log(
      `  ${name}: ${counts.articles} articles, ${counts.sections} sections, ${counts.officials} officials through the Document Service ` +
        `(${(timings.articlesMs / 1000).toFixed(1)} s for the articles, ${articlesPerSecond.toFixed(1)}/s)`
    );
  }
  if (main.ours.counts.articles !== main.plain.counts.articles)
    throw new Error('the two apps hold different numbers of articles');
  return { databases, main, loadMs: Date.now() - started };
};

/**
 * CPU profiles of both apps on the REST and GraphQL list and findOne (evidence for a miss): each server
 * is profiled through the inspector during a load window only (not its start-up), and the CPU time per
 * request is split by area (our plugins, our app, Strapi's packages, knex, the driver, GC, …).
 */
const profileApps = async (ctx, engine, databases, main) => {
  const { apps, workDir, opts } = ctx;
  const { POPULATE } = require('./scenarios/rest');
  const { LIST, ONE } = require('./scenarios/graphql');
  const dir = path.join(workDir, 'profiles', engine);
  fs.mkdirSync(dir, { recursive: true });
  const post = (query, variables) => ({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const cases = {
    'rest-list': () =>
      [1, 2, 3, 4].map((page) => ({
        path: `/api/articles?locale=fa&pagination[page]=${page}&pagination[pageSize]=25&${POPULATE}`,
      })),
    'rest-findOne': (name) =>
      main[name].sample.map((row) => ({
        path: `/api/articles/${row.documentId}?locale=fa&${POPULATE}`,
      })),
    'graphql-list': () => [1, 2, 3, 4].map((page) => post(LIST, { page })),
    'graphql-findOne': (name) =>
      main[name].sample.map((row) => post(ONE, { documentId: row.documentId })),
  };
  const servers = {};
  const out = [];
  try {
    for (const name of ['ours', 'plain']) {
      servers[name] = await startServer({
        app: apps[name],
        env: databases[name].env,
        logDir: path.join(workDir, 'logs'),
        label: `${name}-profile-${engine}`,
        pinCpus: ctx.pinning?.serverCpus,
      });
    }
    await sleep(opts.settle * 1000);
    for (const [id, requestsFor] of Object.entries(cases)) {
      const summaries = {};
      for (const name of ['ours', 'plain']) {
        const server = servers[name];
        const requests = requestsFor(name);
        await warmUpInTurn({
          targets: [{ key: name, url: server.url, requests }],
          warmupSec: opts.warmup,
          warmupRequests: opts.warmupRequests,
          connections: opts.connections,
        });
        const file = path.join(dir, `${id}-${name}.cpuprofile`);
        const result = await server.profile(file, () =>
          runLoad({
            url: server.url,
            requests,
            durationSec: Math.max(3, opts.duration),
            connections: opts.connections,
          })
        );
        const summary = summarizeProfile(file);
        summaries[name] = {
          ...summary,
          path: file,
          requests: result.requests,
          cpuMsPerRequest: result.requests ? summary.busyMs / result.requests : null,
        };
      }
      out.push({ id, engine, ...summaries });
      const ours = summaries.ours;
      const mine = ours.callerAreas.filter(
        (area) => area.area === 'app' || area.area.startsWith('plugin:')
      );
      ctx.log(
        `  profile ${id}: CPU per request ours ${ours.cpuMsPerRequest.toFixed(2)} ms, plain ${summaries.plain.cpuMsPerRequest.toFixed(2)} ms; ` +
          `our code with the built-ins it calls ${(mine.reduce((sum, area) => sum + area.share, 0) * 100).toFixed(1)}% of ours (${
            mine
              .filter((area) => area.share >= 0.001)
              .map((area) => `${area.area} ${(area.share * 100).toFixed(1)}%`)
              .join(', ') || 'none'
          })`
      );
    }
  } finally {
    for (const server of Object.values(servers)) await server.stop().catch(() => {});
  }
  return out;
};

/** CPU time of this process and of its waited-for children (servers, loaders, hooks), from /proc. */
const cpuSeconds = () => {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    const ticks = 100;
    return {
      self: (Number(fields[11]) + Number(fields[12])) / ticks,
      children: (Number(fields[13]) + Number(fields[14])) / ticks,
    };
  } catch {
    return null;
  }
};

const gitInfo = () => {
  try {
    const commit = execSync('git rev-parse HEAD', { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty =
      execSync('git status --porcelain', { cwd: REPO, encoding: 'utf8' }).trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
};

const main = async () => {
  const opts = parseArgs(process.argv.slice(2));
  const workDir = opts.workDir;
  fs.mkdirSync(path.join(workDir, 'logs'), { recursive: true });
  const results = {
    version: 1,
    startedAt: new Date(startedAt).toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    options: { ...opts, workDir: undefined, out: undefined },
    machine: machineInfo(),
    git: gitInfo(),
    phases: [],
    scenarios: [],
    errors: [],
  };
  const phase = async (name, fn) => {
    const at = Date.now();
    try {
      return await fn();
    } finally {
      results.phases.push({ name, ms: Date.now() - at });
    }
  };
  log(
    `Pishkhan benchmarks (${results.mode}): ${opts.scenarios.join(', ')} on ${opts.db}; work dir ${workDir}`
  );
  log(
    `machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${(results.machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, load ${results.machine.loadAverage.map((n) => n.toFixed(2)).join(' ')}`
  );

  const apps = {};
  await phase('prepare apps', async () => {
    apps.ours = prepareOurApp({
      appDir: path.join(workDir, 'app'),
      allowTypeErrors: opts.allowTypeErrors,
      reuse: opts.reuseApp,
      log,
    });
    if (!apps.ours.reused)
      log(`our app compiled in ${(apps.ours.compileMs / 1000).toFixed(1)} s (${apps.ours.appDir})`);
    // The response cache (when the app has it) would answer repeated reads from memory: scenarios 1–4
    // measure the plugins' own cost, so it is off unless --with-cache; `npm run bench:cache` measures it.
    apps.ours.env = opts.withCache ? {} : { RESPONSE_CACHE: 'false' };
    apps.plain = preparePlainApp({
      appDir: path.join(workDir, 'plain'),
      ourDist: apps.ours.distDir,
    });
    log(
      `plain Strapi generated (${apps.plain.appDir}): ${apps.plain.converted.map((item) => `${item.uid.replace(/^api::/, '')}.${item.field} ${item.from} → ${item.to}`).join('; ')}`
    );
  });
  // The Jalali issue compares the list with the plugin's REST middleware and without it (scenario 1).
  if (opts.scenarios.includes('rest'))
    apps.jalaliOff = prepareVariant({
      ours: apps.ours,
      appDir: path.join(workDir, 'jalali-off'),
      drop: ['plugin::jalali-date.rest'],
    });
  apps.variants = opts.ablate.map((name, index) =>
    prepareVariant({
      ours: apps.ours,
      appDir: path.join(workDir, `variant-${index + 1}`),
      drop: [name],
    })
  );
  if (opts.twin)
    apps.variants.push(
      prepareVariant({
        ours: apps.ours,
        appDir: path.join(workDir, 'twin'),
        drop: [],
        name: 'ours-twin',
      })
    );
  for (const variant of apps.variants) log(`ablation variant ${variant.name} (${variant.appDir})`);
  results.apps = {
    ours: { compileMs: apps.ours.compileMs },
    plain: {
      contentTypes: apps.plain.contentTypes,
      converted: apps.plain.converted,
      droppedPlugins: apps.plain.droppedPlugins,
      middlewares: apps.plain.middlewares,
    },
  };
  const ctx = { opts, apps, log, workDir, pinning: opts.pin ? cpuPinning() : null };
  results.machine.pinning = ctx.pinning
    ? { servers: ctx.pinning.serverCpus, loadGenerator: ctx.pinning.runnerCpus }
    : null;
  if (ctx.pinning)
    log(
      `scenarios 1–3: servers on CPU ${ctx.pinning.serverCpus}, the load generator on CPU ${ctx.pinning.runnerCpus}`
    );
  const wants = (name) => opts.scenarios.includes(name);

  const attempt = async (id, engine, fn) => {
    try {
      const record = await phase(`${id}${engine ? ` (${engine})` : ''}`, fn);
      if (Array.isArray(record)) results.scenarios.push(...record);
      else if (record) results.scenarios.push(record);
    } catch (error) {
      log(`  ${id}${engine ? ` on ${engine}` : ''} FAILED: ${error.message.split('\n')[0]}`);
      results.errors.push({ scenario: id, engine, message: error.message, stack: error.stack });
      results.scenarios.push({
        id,
        engine,
        title: TITLES[id] || id,
        error: error.message.split('\n').slice(0, 20).join('\n'),
        cases: [],
      });
    }
  };

  // The long warm-up is for the 5% comparisons (scenarios 1–3); the archive and search have wide targets.
  const shortWarmUp = { ...ctx, opts: { ...opts, warmupRequests: 0 } };

  if (wants('micro')) {
    log('micro-benchmarks');
    await attempt('micro', null, () => require('./scenarios/micro').run(ctx));
  }

  let engines = opts.db === 'both' ? ['sqlite', 'postgres'] : [opts.db];
  if (engines.includes('postgres')) {
    const version = await postgresAvailable();
    results.machine.postgres = version;
    if (!version) {
      if (opts.db === 'postgres')
        throw new Error(
          'PostgreSQL is not reachable (BENCH_POSTGRES_URL / TEST_POSTGRES_URL / postgres://postgres@127.0.0.1:5432)'
        );
      log('PostgreSQL is not reachable: running on SQLite only');
      results.errors.push({
        scenario: null,
        engine: 'postgres',
        message: 'PostgreSQL not reachable; skipped',
      });
      engines = engines.filter((engine) => engine !== 'postgres');
    }
  }

  for (const engine of engines) {
    log(`== ${engine}`);
    const needsMain = ['startup', ...HTTP_SCENARIOS].some(wants);
    if (needsMain) {
      let loaded = null;
      await attempt('load', engine, async () => {
        log(
          `loading the main data set (${opts.articles} articles, seed ${opts.seed}) into both apps`
        );
        loaded = await loadMain(ctx, engine);
        results.loads = results.loads || [];
        results.loads.push({
          engine,
          ms: loaded.loadMs,
          ours: {
            timings: loaded.main.ours.timings,
            counts: loaded.main.ours.counts,
            articlesPerSecond: loaded.main.ours.articlesPerSecond,
          },
          plain: {
            timings: loaded.main.plain.timings,
            counts: loaded.main.plain.counts,
            articlesPerSecond: loaded.main.plain.articlesPerSecond,
          },
        });
        return null;
      });
      if (loaded) {
        const { databases, main: mainData } = loaded;
        let startupRecord = null;
        if (wants('startup')) {
          log('start-up and memory');
          await attempt('startup', engine, async () => {
            startupRecord = await require('./scenarios/startup').run(ctx, { engine, databases });
            return startupRecord;
          });
        }
        if (HTTP_SCENARIOS.some(wants)) {
          const servers = {};
          try {
            for (const name of ['ours', 'plain']) {
              servers[name] = await startServer({
                app: apps[name],
                env: databases[name].env,
                logDir: path.join(workDir, 'logs'),
                label: `${name}-${engine}`,
                pinCpus: ctx.pinning?.serverCpus,
              });
            }
            // Ablation variants read our database (same data, same ids).
            if (apps.jalaliOff && wants('rest')) {
              servers.jalaliOff = await startServer({
                app: apps.jalaliOff,
                env: databases.ours.env,
                logDir: path.join(workDir, 'logs'),
                label: `jalali-off-${engine}`,
                pinCpus: ctx.pinning?.serverCpus,
              });
            }
            servers.variants = [];
            for (const variant of apps.variants) {
              servers.variants.push(
                await startServer({
                  app: variant,
                  env: databases.ours.env,
                  logDir: path.join(workDir, 'logs'),
                  label: `${variant.name}-${engine}`,
                  pinCpus: ctx.pinning?.serverCpus,
                })
              );
            }
            // A server left idle after its start-up while the next ones start went into the cases slower than
            // they did (the first-started of two identical servers slower in 10 of 11 pairs): every server
            // now idles for the same time after the last has started (no consistent sign in 3 pairs after).
            log(`  servers up; all idle for ${opts.settle} s before the cases`);
            await sleep(opts.settle * 1000);
            let memoryCases = null;
            for (const id of HTTP_SCENARIOS.filter(wants)) {
              // Memory is compared after the scenarios both apps served (the lookups run on ours only).
              if (id === 'lookup' && startupRecord && !memoryCases)
                memoryCases = require('./scenarios/startup').loadedMemoryCase(servers);
              log(`${id}`);
              const scenario = () =>
                require(`./scenarios/${id}`).run(ctx, { engine, servers, main: mainData });
              await attempt(id, engine, () =>
                ctx.pinning ? ctx.pinning.whilePinned(scenario) : scenario()
              );
            }
            if (startupRecord)
              startupRecord.cases.push(
                ...(memoryCases || require('./scenarios/startup').loadedMemoryCase(servers))
              );
          } catch (error) {
            log(`  servers FAILED: ${error.message.split('\n')[0]}`);
            results.errors.push({ scenario: 'servers', engine, message: error.message });
          } finally {
            for (const server of [
              servers.ours,
              servers.plain,
              servers.jalaliOff,
              ...(servers.variants || []),
            ])
              if (server) await server.stop().catch(() => {});
          }
          if (opts.profile) {
            log('CPU profiles');
            await attempt('profile', engine, async () => {
              results.profiles = results.profiles || [];
              const profiling = () => profileApps(ctx, engine, databases, mainData);
              results.profiles.push(
                ...(await (ctx.pinning ? ctx.pinning.whilePinned(profiling) : profiling()))
              );
              return null;
            });
          }
        }
        if (!opts.keep)
          for (const database of Object.values(databases)) await database.drop().catch(() => {});
      }
    }
    // The archive and search fill throw-away databases: they stop at SCALE_FROM; the scale scenario goes on.
    const smallSizes = opts.archiveSizes.filter((size) => size <= SCALE_FROM);
    const small = { ...shortWarmUp, opts: { ...shortWarmUp.opts, archiveSizes: smallSizes } };
    if (wants('archive') && smallSizes.length) {
      log('archive');
      await attempt('archive', engine, () => require('./scenarios/archive').run(small, { engine }));
    }
    if (wants('search') && smallSizes.length) {
      log('search');
      await attempt('search', engine, () => require('./scenarios/search').run(small, { engine }));
    }
    if (wants('scale') && engine === 'postgres') {
      log('scale');
      await attempt('scale', engine, () =>
        require('./scenarios/scale').run(shortWarmUp, { engine, sizes: opts.archiveSizes })
      );
    }
    if (wants('saves')) {
      log('saves');
      await attempt('saves', engine, () =>
        require('./scenarios/saves').run(shortWarmUp, { engine })
      );
    }
    if (wants('writes')) {
      log('writes');
      await attempt('writes', engine, () => require('./scenarios/writes').run(ctx, { engine }));
    }
    for (const id of ['import', 'cache', 'scheduling']) {
      if (!wants(id)) continue;
      log(`${id} (hook)`);
      await attempt(id, engine, () => require('./scenarios/hooks').runHook(ctx, id, { engine }));
    }
  }

  results.finishedAt = new Date().toISOString();
  results.cpuSeconds = cpuSeconds();
  results.durationMs = Date.now() - startedAt;
  const out =
    opts.out ||
    path.join(
      REPO,
      'bench',
      'results',
      `${results.startedAt.replace(/[:.]/g, '-')}-${results.mode}.json`
    );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  fs.copyFileSync(out, path.join(path.dirname(out), `latest-${results.mode}.json`));
  log(`results: ${path.relative(process.cwd(), out)}`);

  if (opts.docs) {
    // The scale scenario has a report of its own (docs/benchmarks-scale.md); a run of it alone leaves
    // docs/benchmarks.md as the last full run wrote it.
    const written = [];
    if (results.scenarios.some((scenario) => scenario.id !== 'scale'))
      written.push(...require('./report').writeReport(results, { resultsFile: out }));
    if (results.scenarios.some((scenario) => scenario.id === 'scale'))
      written.push(...require('./report-scale').writeScaleReport([{ file: out, results }]));
    log(`report: ${written.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  }
  const { printSummary } = require('./report');
  printSummary(results, (line) => process.stdout.write(`${line}\n`));
  if (!opts.keep) {
    for (const dir of ['db', 'profiles'].map((name) => path.join(workDir, name)))
      if (!opts.profile || !dir.endsWith('profiles'))
        fs.rmSync(dir, { recursive: true, force: true });
  }
  if (results.cpuSeconds)
    log(
      `CPU time: ${(results.cpuSeconds.self + results.cpuSeconds.children).toFixed(0)} s (runner and load generator ${results.cpuSeconds.self.toFixed(0)} s, servers and loaders ${results.cpuSeconds.children.toFixed(0)} s)`
    );
  log(
    `done in ${(results.durationMs / 60000).toFixed(1)} min${results.errors.length ? ` with ${results.errors.length} error(s)` : ''}`
  );
  process.exitCode = results.errors.filter((error) => error.scenario).length ? 1 : 0;
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
