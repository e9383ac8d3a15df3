'use strict';
/** What the HTTP scenarios share: a measured case (our app against a baseline) with its SQL and checks. */
const { compareTargets, request } = require('../lib/http');
const { ratio } = require('../lib/stats');

/** Latency and throughput metrics of a case, each with its direction, for the report and compare.js. */
const httpMetrics = (ours, baseline) => [
  {
    name: 'median',
    unit: 'ms',
    better: 'lower',
    ours: ours.median,
    baseline: baseline.median,
    ratio: ratio(ours.median, baseline.median),
  },
  {
    name: 'p95',
    unit: 'ms',
    better: 'lower',
    ours: ours.p95,
    baseline: baseline.p95,
    ratio: ratio(ours.p95, baseline.p95),
  },
  {
    name: 'p99',
    unit: 'ms',
    better: 'lower',
    ours: ours.p99,
    baseline: baseline.p99,
    ratio: ratio(ours.p99, baseline.p99),
  },
  {
    name: 'rps',
    unit: 'req/s',
    better: 'higher',
    ours: ours.rps,
    baseline: baseline.rps,
    ratio: ratio(ours.rps, baseline.rps),
  },
  {
    name: 'cpu',
    unit: 'ms',
    better: 'lower',
    ours: ours.cpuMsPerRequest,
    baseline: baseline.cpuMsPerRequest,
    ratio: ratio(ours.cpuMsPerRequest, baseline.cpuMsPerRequest),
  },
];

/** "Within x of the baseline": median latency at most (1+x)× and throughput at least (1−x)×. */
const withinTarget = (metrics, tolerance) => {
  const get = (name) => metrics.find((metric) => metric.name === name);
  const median = get('median').ratio;
  const rps = get('rps').ratio;
  return median != null && rps != null && median <= 1 + tolerance && rps >= 1 - tolerance;
};

/** A short, stable form of a SQL statement for the report (bindings left out). */
const shortSql = (sql) => sql.replace(/\s+/g, ' ').trim();

/**
 * Measures targets alternately and makes one case record per entry of `cases` ({ id, title, key,
 * baseline?, tolerance? }: target `key` against `baseline`, by default `baselineKey`). `targets`:
 * [{ key, server, requests: [{ path, method?, body?, headers? }] }]. `check(key, response)` may throw when a first
 * response is not what the case is about.
 */
const httpCases = async (ctx, { title, targets, baselineKey, cases, check, settle }) => {
  const { opts, log } = ctx;
  log(`  ${title}`);
  const sql = {};
  const samples = {};
  const notes = [];
  for (const target of targets) {
    const first = target.requests[0];
    const { result, queries } = await target.server.captureSql((marker) =>
      request(target.server.url + first.path, {
        method: first.method,
        body: first.body,
        headers: { ...first.headers, ...marker },
      })
    );
    if (result.status >= 300) {
      throw new Error(
        `${title}: ${target.key} answered ${result.status} to ${first.method || 'GET'} ${first.path}: ${result.text.slice(0, 500)}`
      );
    }
    if (result.json && result.json.errors) {
      throw new Error(
        `${title}: ${target.key} answered GraphQL errors: ${JSON.stringify(result.json.errors).slice(0, 500)}`
      );
    }
    if (check) check(target.key, result);
    // Statements and transaction control (BEGIN/COMMIT: round trips too, and a pooled connection held).
    const statements = queries.filter((query) => query.method !== undefined);
    const transactions = queries.filter((query) => /^BEGIN/i.test(query.sql.trim())).length;
    sql[target.key] = {
      count: statements.length,
      transactions,
      statements: queries.map((query) => shortSql(query.sql)),
    };
    samples[target.key] = { status: result.status, bytes: Buffer.byteLength(result.text) };
  }
  const summaries = await compareTargets({
    targets: targets.map((target) => ({
      key: target.key,
      url: target.server.url,
      requests: target.requests,
      cpuTime: target.server.cpuTime,
    })),
    rounds: opts.rounds,
    durationSec: opts.duration,
    warmupSec: opts.warmup,
    warmupRequests: opts.warmupRequests,
    connections: opts.connections,
    log: opts.verbose ? log : () => {},
    settle,
  });
  for (const [key, summary] of Object.entries(summaries)) {
    if (summary.non2xx || summary.errors || summary.timeouts) {
      notes.push(
        `${key}: ${summary.non2xx} non-2xx, ${summary.errors} errors, ${summary.timeouts} timeouts (${JSON.stringify(summary.statusCodes)})`
      );
    }
  }
  return cases.map(
    ({ id, title: caseTitle, key, baseline: caseBaseline = baselineKey, tolerance = null }) => {
      const metrics = httpMetrics(summaries[key], summaries[caseBaseline]);
      const keys = [key, caseBaseline];
      const record = {
        id,
        title: caseTitle,
        kind: 'http',
        oursKey: key,
        baselineKey: caseBaseline,
        metrics,
        summaries: Object.fromEntries(keys.map((name) => [name, summaries[name]])),
        sql: Object.fromEntries(keys.map((name) => [name, sql[name]])),
        responses: Object.fromEntries(keys.map((name) => [name, samples[name]])),
        target:
          tolerance == null
            ? null
            : `median and req/s within ${Math.round(tolerance * 100)}% of ${caseBaseline}`,
        pass: tolerance == null ? null : withinTarget(metrics, tolerance),
        notes,
      };
      const m = (name) => metrics.find((metric) => metric.name === name);
      const f = (value, digits) => (value == null ? '–' : value.toFixed(digits));
      if (!summaries[key].requests || !summaries[caseBaseline].requests) {
        notes.push(
          'No response completed within a measured run for one side: the machine was too slow for this duration; use a longer --duration.'
        );
      }
      log(
        `    ${id}: ${key} ${f(m('median').ours, 2)} ms median, ${f(m('rps').ours, 0)} req/s, ${f(m('cpu').ours, 1)} ms CPU/req | ${caseBaseline} ` +
          `${f(m('median').baseline, 2)} ms, ${f(m('rps').baseline, 0)} req/s, ${f(m('cpu').baseline, 1)} ms CPU/req | latency ×${f(m('median').ratio, 3)}, CPU ×${f(m('cpu').ratio, 3)}` +
          `${record.pass === null ? '' : record.pass ? ' (meets target)' : ' (MISSES target)'}`
      );
      return record;
    }
  );
};

/** One case: `targets[0]` against `baselineKey`. */
const httpCase = async (ctx, { id, title, targets, baselineKey, tolerance = null, check }) =>
  (
    await httpCases(ctx, {
      title,
      targets,
      baselineKey,
      check,
      cases: [{ id, title, key: targets[0].key, tolerance }],
    })
  )[0];

module.exports = { httpCase, httpCases, httpMetrics, withinTarget, shortSql };
