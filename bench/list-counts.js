'use strict';
/**
 * The lists' counts on a kept PostgreSQL data set (issue #24, bench/findings.md §11): for each compiled app
 * given, in turn, the SQL the public REST list and the admin's article list run for their counts (captured
 * by sql-probe.js, with EXPLAIN ANALYZE) and the two requests timed one after another (response cache off).
 * Give a build without maintained counts and one with them to compare them on the same rows:
 *
 *   node bench/list-counts.js postgres://…/pishkhan_bench_scale_100000_ours before=/tmp/old-app after=. [--requests 40] [--pairs 3]
 *
 * An app directory is a compiled app (its dist/, as `npm run build` or the bench's snapshot leaves it). The
 * first start of a build with counts makes their triggers on that database and recounts its rows.
 */
const path = require('path');
const { startServer } = require('./lib/server');
const { explain } = require('./lib/plans');
const { request } = require('./lib/http');

const ADMIN = { email: 'counts@example.com', password: 'Counts-Pass-1234' };
const LISTS = {
  rest: '/api/articles?locale=fa&sort=publishedOn:desc&pagination[page]=1&pagination[pageSize]=25&populate[section]=true',
  admin:
    '/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=title%3AASC&locale=fa',
};

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const adminToken = async (url) => {
  const json = { 'Content-Type': 'application/json' };
  await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ firstname: 'Count', lastname: 'Bench', ...ADMIN }),
  });
  const login = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(ADMIN),
  });
  return (await login.json()).data.token;
};

const measure = async (url, { label, appDir }, requests) => {
  const server = await startServer({
    app: { name: label, appDir },
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url, RESPONSE_CACHE: 'false' },
    logDir: '/tmp/pishkhan-list-counts',
    label,
    timeoutMs: 600000,
  });
  try {
    const headers = {
      rest: {},
      admin: { Authorization: `Bearer ${await adminToken(server.url)}` },
    };
    for (const [name, list] of Object.entries(LISTS)) {
      const { result, queries } = await server.captureSql((marker) =>
        request(server.url + list, { headers: { ...headers[name], ...marker } })
      );
      const counts = queries.filter(
        (query) => /^\s*select/i.test(query.sql) && /count\("t0"|list_counts/.test(query.sql)
      );
      const total = result.json?.meta?.pagination?.total ?? result.json?.pagination?.total;
      console.log(`${label} ${name}: total ${total}`);
      for (const item of await explain({ engine: 'postgres', url }, counts))
        console.log(`  ${item.sql}\n    ${item.plan.join('\n    ')}`);
      const times = [];
      for (let i = 0; i < requests; i += 1) {
        const started = process.hrtime.bigint();
        const res = await fetch(server.url + list, { headers: headers[name] });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${label} ${name}: ${res.status}`);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      console.log(
        `${label} ${name}: ${requests} requests, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`
      );
    }
  } finally {
    await server.stop();
  }
};

const main = async () => {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : Number(args.splice(at, 2)[1]);
  };
  const requests = option('--requests', 40);
  const pairs = option('--pairs', 1);
  const [url, ...apps] = args;
  if (!url || !apps.length)
    throw new Error('usage: node bench/list-counts.js <postgres url> <label=appDir>…');
  const builds = apps.map((app) => {
    const [label, appDir] = app.includes('=') ? app.split('=') : [app, app];
    return { label, appDir: path.resolve(appDir) };
  });
  for (let pair = 0; pair < pairs; pair += 1)
    for (const build of builds) await measure(url, build, requests);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
