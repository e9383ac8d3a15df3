'use strict';
/**
 * HTTP load with autocannon (npm) on loopback: a fixed number of connections, requests rotating over a
 * list of paths (or bodies), every response's latency kept so medians and tails are exact over all
 * rounds. Apps of one case run alternately (ABBA…), after warm-ups taken in turn. A measured round sends a
 * fixed number of requests (what the app's warm-up rate gives in the round's duration) rather than
 * running for a fixed time, so no slow request still in flight at the end is left out of the statistics.
 */
const autocannon = require('autocannon');
const { summarize } = require('./stats');

/**
 * One autocannon run. `requests` is a list of { path, method?, body?, headers? } used in turn.
 * Resolves to { requests, durationMs, latencies: number[], statusCodes, errors, timeouts }.
 */
const run = ({ url, requests, durationSec, amount, connections, timeoutSec = 30 }) =>
  new Promise((resolve, reject) => {
    let index = 0;
    const latencies = [];
    // autocannon reports its duration only at its next one-second tick, which would quantise req/s
    // (200 requests in 1.6 s counted as 2 s): the duration is measured here, start to last response.
    const startedAt = process.hrtime.bigint();
    let lastResponseAt = startedAt;
    const statusCodes = {};
    const first = requests[0];
    const instance = autocannon(
      {
        url,
        connections,
        pipelining: 1,
        ...(amount ? { amount } : { duration: durationSec }),
        timeout: timeoutSec,
        method: first.method || 'GET',
        headers: { accept: 'application/json', ...(first.headers || {}) },
        requests: [
          {
            setupRequest: (request) => {
              const next = requests[index % requests.length];
              index += 1;
              return {
                ...request,
                method: next.method || 'GET',
                path: next.path,
                headers: { accept: 'application/json', ...(next.headers || {}) },
                ...(next.body !== undefined ? { body: next.body } : {}),
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: latencies.length,
          durationMs: Number(lastResponseAt - startedAt) / 1e6,
          latencies,
          statusCodes,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      }
    );
    instance.on('response', (client, statusCode, bytes, responseTime) => {
      lastResponseAt = process.hrtime.bigint();
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] || 0) + 1;
    });
  });

const mergeRuns = (runs) => {
  const latencies = [];
  const statusCodes = {};
  let durationMs = 0;
  let errors = 0;
  let timeouts = 0;
  let cpuMs = runs.every((result) => result.cpuMs != null) ? 0 : null;
  for (const result of runs) {
    if (cpuMs != null) cpuMs += result.cpuMs;
    for (const value of result.latencies) latencies.push(value);
    for (const [code, count] of Object.entries(result.statusCodes))
      statusCodes[code] = (statusCodes[code] || 0) + count;
    durationMs += result.durationMs;
    errors += result.errors;
    timeouts += result.timeouts;
  }
  return { latencies, statusCodes, durationMs, errors, timeouts, cpuMs };
};

/**
 * Warms targets up in turn, a run of `warmupSec` each per pass, until every one has answered
 * `warmupRequests` or four passes are done: V8 is still optimising a Strapi request's code after a
 * thousand requests of it (a list's CPU time fell from 18 to 9 ms a request over its first 3,000 here).
 * Warmed one after the other, the first would sit idle through the others' warm-ups and go into the
 * first measured round cold again: the first-warmed of two identical servers used 2–32% more CPU in that
 * round (five pairs); warmed in turn, 4% median latency (three).
 * Resolves to { [key]: rate } (each one's last req/s).
 */
const warmUpInTurn = async ({
  targets,
  warmupSec,
  warmupRequests,
  connections,
  settle = async () => {},
}) => {
  const seconds = Math.max(1, warmupSec);
  const answered = Object.fromEntries(targets.map((target) => [target.key, 0]));
  const rates = {};
  for (let pass = 0; pass < 4; pass += 1) {
    for (const target of targets) {
      await settle();
      const warm = await run({
        url: target.url,
        requests: target.requests,
        durationSec: seconds,
        connections,
      });
      answered[target.key] += warm.requests;
      // A run that saw no answer (a slow request on a loaded machine) has no duration: rate 0, not NaN.
      rates[target.key] = warm.requests ? warm.requests / (warm.durationMs / 1000) : 0;
    }
    if (targets.every((target) => answered[target.key] >= warmupRequests)) break;
  }
  return rates;
};

/**
 * Runs one case on several targets alternately. `targets`: [{ key, url, requests, cpuTime? }]. Options: rounds,
 * durationSec, warmupSec, connections, settle (awaited before every run: a warm-up stops with requests in
 * flight, whose statements may go on in a shared database long after). Returns { [key]: summary } where summary has median/p95/p99 (ms),
 * rps, requests, per-round numbers, status codes and errors.
 */
const compareTargets = async ({
  targets,
  rounds,
  durationSec,
  warmupSec,
  warmupRequests = 0,
  connections,
  log = () => {},
  settle = async () => {},
}) => {
  const runsByKey = Object.fromEntries(targets.map((target) => [target.key, []]));
  const amounts = {};
  const rates = await warmUpInTurn({ targets, warmupSec, warmupRequests, connections, settle });
  // A warm-up that saw no answer (requests slower than it lasted) gives no rate: the floor then.
  for (const target of targets)
    amounts[target.key] = Number.isFinite(rates[target.key])
      ? Math.max(connections * 2, Math.min(200000, Math.round(rates[target.key] * durationSec)))
      : connections * 2;
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      await settle();
      const cpuBefore = target.cpuTime ? target.cpuTime() : null;
      const result = await run({
        url: target.url,
        requests: target.requests,
        amount: amounts[target.key],
        connections,
      });
      const cpuAfter = target.cpuTime ? target.cpuTime() : null;
      result.cpuMs = cpuBefore != null && cpuAfter != null ? cpuAfter - cpuBefore : null;
      runsByKey[target.key].push(result);
      log(
        `    round ${round + 1}/${rounds} ${target.key}: ${(result.requests / (result.durationMs / 1000)).toFixed(0)} req/s`
      );
    }
  }
  const out = {};
  for (const [key, runs] of Object.entries(runsByKey)) {
    const merged = mergeRuns(runs);
    const ok = Object.entries(merged.statusCodes)
      .filter(([code]) => Number(code) < 300)
      .reduce((sum, [, n]) => sum + n, 0);
    out[key] = {
      ...summarize(merged.latencies),
      rps: merged.latencies.length / (merged.durationMs / 1000),
      // The server's own CPU time (user + system, /proc) per answered request: its cost, barely moved by
      // what else the machine runs, unlike wall-clock latency.
      cpuMsPerRequest:
        merged.cpuMs != null && merged.latencies.length
          ? merged.cpuMs / merged.latencies.length
          : null,
      requests: merged.latencies.length,
      non2xx: merged.latencies.length - ok,
      statusCodes: merged.statusCodes,
      errors: merged.errors,
      timeouts: merged.timeouts,
      rounds: runs.map((result) => ({
        rps: result.requests / (result.durationMs / 1000),
        ...summarize(result.latencies, ['median']),
      })),
    };
  }
  return out;
};

/** One request, for checks and probes: resolves to { status, headers, json|text }. */
const request = async (url, { method = 'GET', body, headers = {} } = {}) => {
  const response = await fetch(url, {
    method,
    body,
    headers: {
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    redirect: 'manual',
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), json, text };
};

module.exports = { run, warmUpInTurn, compareTargets, request };
