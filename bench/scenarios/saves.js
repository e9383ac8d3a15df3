'use strict';
/**
 * Scenario 9: what one heavy request costs. Save time against body size (an article created over REST
 * with 100 … 5,000 paragraphs, published as REST does by default) for our app and plain Strapi in the
 * same run, alternately; then, on our app, the latency of a reader looping over the list, the sections
 * and `/_health` during a 2,000-paragraph save and during an import (a dry run of ten 1.9 MiB files and
 * an import of twenty stories). Both apps share the repository's node_modules, so plain Strapi here has
 * our patches to @strapi/database and @strapi/core too (patches/).
 */
const path = require('path');
const { createDatabase } = require('../lib/databases');
const { startServer } = require('../lib/server');
const { percentile } = require('../lib/stats');
const { story, officials } = require('../import/generate');

const SIZES = [100, 1000, 2000, 5000];
const QUICK_SIZES = [100, 1000, 2000];

const tokenOver = async (url) => {
  const json = { 'Content-Type': 'application/json' };
  const credentials = { email: 'bench@example.com', password: 'Bench-Pass-1234' };
  await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ firstname: 'Bench', lastname: 'Bench', ...credentials }),
  });
  const login = await (
    await fetch(`${url}/admin/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(credentials),
    })
  ).json();
  const token = await (
    await fetch(`${url}/admin/api-tokens`, {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${login.data.token}` },
      body: JSON.stringify({ name: `bench-${Date.now()}`, type: 'full-access', lifespan: null }),
    })
  ).json();
  return `Bearer ${token.data.accessKey}`;
};

const save = async (server, token, blocks, tag) => {
  const body = Array.from({ length: blocks }, (_, i) => ({
    __component: 'article.paragraph',
    text: `بند ${i} از گزارش ${tag} درباره دفاتر پیشخوان دولت.`,
  }));
  const started = process.hrtime.bigint();
  const res = await fetch(`${server.url}/api/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({ data: { title: `گزارش ${tag}`, lead: `لید ${tag}`, body } }),
  });
  await res.arrayBuffer();
  if (res.status !== 201)
    throw new Error(`saves: ${server.name} answered ${res.status} to a ${blocks}-paragraph save`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/** Reads in a loop until `work` settles: the reads' latencies and how long the work took. */
const readWhile = async (url, work) => {
  const paths = ['/api/articles?pagination[pageSize]=5', '/api/sections', '/_health'];
  const latencies = [];
  let reading = true;
  const reader = (async () => {
    for (let i = 0; reading; i += 1) {
      const started = process.hrtime.bigint();
      const res = await fetch(`${url}${paths[i % paths.length]}`);
      await res.arrayBuffer();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  })();
  const started = Date.now();
  try {
    await work();
  } finally {
    reading = false;
    await reader;
  }
  latencies.sort((a, b) => a - b);
  return {
    reads: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    workMs: Date.now() - started,
  };
};

/** A generated story (bench/import/generate.js) grown to about 1.9 MiB by 4,800 paragraphs after its lead. */
const largeStory = (seed, n) => {
  const sentence = `در این بخش از گزارش شماره ${n} درباره دفاتر پیشخوان دولت و خدمات الکترونیکی و گسترش آن در شهرها سخن گفته شده است.`;
  const lines = story(seed, n, officials()).split('\n');
  lines.splice(
    6,
    0,
    ...Array.from({ length: 4800 }, (_, i) => [`بند ${i}: ${sentence} ${sentence}`, '']).flat()
  );
  return lines.join('\n');
};

const run = async (ctx, { engine }) => {
  const { opts, apps, log, workDir } = ctx;
  const sizes = opts.quick ? QUICK_SIZES : SIZES;
  const databases = {};
  const servers = {};
  const tokens = {};
  try {
    for (const name of ['ours', 'plain']) {
      databases[name] = await createDatabase({
        engine,
        name: `${name}_saves`,
        dir: path.join(workDir, 'db'),
      });
      servers[name] = await startServer({
        app: apps[name],
        env: databases[name].env,
        logDir: path.join(workDir, 'logs'),
        label: `${name}-saves-${engine}`,
      });
      tokens[name] = await tokenOver(servers[name].url);
      await save(servers[name], tokens[name], 100, 'گرم کردن');
    }
    const cases = [];
    for (const blocks of sizes) {
      const ms = { ours: [], plain: [] };
      for (let round = 0; round < 2; round += 1) {
        for (const name of round % 2 ? ['plain', 'ours'] : ['ours', 'plain'])
          ms[name].push(await save(servers[name], tokens[name], blocks, `${blocks}-${round}`));
      }
      const record = { blocks, ms: { ours: Math.min(...ms.ours), plain: Math.min(...ms.plain) } };
      cases.push(record);
      log(
        `  saves ${blocks} paragraphs: ours ${record.ms.ours.toFixed(0)} ms, plain ${record.ms.plain.toFixed(0)} ms`
      );
    }

    // Readers against our app during a long save and during an import.
    const duringSave = await readWhile(servers.ours.url, () =>
      save(servers.ours, tokens.ours, 2000, 'با خواننده')
    );
    const form = new FormData();
    for (let n = 1; n <= 10; n += 1)
      form.append('files', new Blob([largeStory(opts.seed, n)]), `large-${n}.txt`);
    form.append('dryRun', 'true');
    const files = Array.from({ length: 20 }, (_, i) => ({
      name: `story-${i}.txt`,
      content: story(opts.seed, 1000 + i, officials()),
    }));
    const duringImport = await readWhile(servers.ours.url, async () => {
      const dry = await fetch(`${servers.ours.url}/api/import`, {
        method: 'POST',
        headers: { Authorization: tokens.ours },
        body: form,
      });
      await dry.arrayBuffer();
      const real = await fetch(`${servers.ours.url}/api/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: tokens.ours },
        body: JSON.stringify({ files, publish: true }),
      });
      await real.arrayBuffer();
      if (dry.status !== 200 || real.status !== 200)
        throw new Error(`saves: the import answered ${dry.status} / ${real.status}`);
    });
    log(
      `  readers during a 2,000-paragraph save: ${duringSave.reads} reads, p99 ${duringSave.p99.toFixed(0)} ms; during an import: ${duringImport.reads} reads, p99 ${duringImport.p99.toFixed(0)} ms`
    );

    const perBlock = (record, name) => record.ms[name] / record.blocks;
    const largest = cases[cases.length - 1];
    const growth = {
      ours: perBlock(largest, 'ours') / perBlock(cases[1], 'ours'),
      plain: perBlock(largest, 'plain') / perBlock(cases[1], 'plain'),
    };
    return {
      id: 'saves',
      engine,
      title:
        'Heavy requests: save time against body size, readers during a long save and an import',
      sizes: cases,
      growth,
      readers: { duringSave, duringImport },
      target:
        'a block of the largest body costs at most 1.5× one of a 1,000-paragraph body; reader p99 under 250 ms',
      pass: growth.ours <= 1.5 && duringSave.p99 < 250 && duringImport.p99 < 250,
      cases: [],
    };
  } finally {
    for (const server of Object.values(servers)) await server.stop().catch(() => {});
    if (!opts.keep)
      for (const database of Object.values(databases)) await database.drop().catch(() => {});
  }
};

module.exports = { run, tokenOver };
