#!/usr/bin/env node
'use strict';
/**
 * The regression check: compares two results files of `npm run bench` and names what got slower.
 *
 *   node bench/compare.js old.json new.json [--threshold 0.10] [--absolute] [--all] [--json]
 *
 * Every measure of our app (median and p95 latency, req/s, ns per operation, start-up time, memory,
 * archive growth, the hooks' measures) is matched by scenario, engine and case. By default a measure
 * counts as a regression when its ratio to the baseline measured in the same run got worse by more than
 * the threshold (10%): both runs then compare like with like even on machines of different speed or load.
 * --absolute judges our own values instead (same machine, quiet, only). --all adds p99 and ops/s.
 * Exit code 1 when something got slower, 0 otherwise, 2 on bad input.
 */
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const valueOf = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const files = args.filter(
  (arg, index) => !arg.startsWith('--') && !(index > 0 && args[index - 1] === '--threshold')
);
if (files.length !== 2 || flag('--help')) {
  process.stdout.write(
    'Usage: node bench/compare.js old.json new.json [--threshold 0.10] [--absolute] [--all] [--json]\n'
  );
  process.exit(files.length === 2 ? 0 : 2);
}
const threshold = Number(valueOf('--threshold', '0.10'));
const absolute = flag('--absolute');
const all = flag('--all');

const load = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${error.message}\n`);
    process.exit(2);
  }
};

const SKIPPED = new Set(['p99', 'ops/s']);

/** key → { scenario, engine, case, metric, unit, better, ours, baseline, ratio } */
const measures = (results) => {
  const out = new Map();
  for (const scenario of results.scenarios || []) {
    if (scenario.error || scenario.skipped) continue;
    const cases = [...(scenario.cases || [])];
    if (scenario.id === 'archive' && scenario.growth) {
      cases.push({
        id: 'growth',
        metrics: [
          {
            name: 'growth',
            unit: '×',
            better: 'lower',
            ours: scenario.growth.ours,
            baseline: null,
            ratio: null,
          },
        ],
      });
    }
    for (const record of cases) {
      for (const metric of record.metrics || []) {
        if (!all && SKIPPED.has(metric.name)) continue;
        if (metric.ours == null) continue;
        const key = `${scenario.id} | ${scenario.engine || '-'} | ${record.id} | ${metric.name}`;
        out.set(key, {
          scenario: scenario.id,
          engine: scenario.engine,
          case: record.id,
          ...metric,
        });
      }
    }
  }
  return out;
};

const before = load(files[0]);
const after = load(files[1]);
const old = measures(before);
const now = measures(after);

const worse = (better, change) =>
  better === 'higher' ? change < 1 - threshold : change > 1 + threshold;
const betterThan = (better, change) =>
  better === 'higher' ? change > 1 + threshold : change < 1 - threshold;

const rows = [];
for (const [key, current] of now) {
  const previous = old.get(key);
  if (!previous) continue;
  const ownChange = previous.ours ? current.ours / previous.ours : null;
  // The ratio to the baseline is "ours ÷ baseline" for every measure (time and throughput alike).
  const ratioChange = previous.ratio && current.ratio ? current.ratio / previous.ratio : null;
  const useRatio = !absolute && ratioChange != null;
  const change = useRatio ? ratioChange : ownChange;
  if (change == null || !Number.isFinite(change)) continue;
  rows.push({
    key,
    ...current,
    previous: previous.ours,
    previousRatio: previous.ratio,
    ownChange,
    ratioChange,
    judgedOn: useRatio ? 'ratio to baseline' : 'own value',
    change,
    regression: worse(current.better, change),
    improvement: betterThan(current.better, change),
  });
}
const severity = (row) => (row.better === 'higher' ? 1 / row.change : row.change);
rows.sort((a, b) => severity(b) - severity(a));

const missing = [...old.keys()].filter((key) => !now.has(key));
const added = [...now.keys()].filter((key) => !old.has(key));
const regressions = rows.filter((row) => row.regression);
const improvements = rows.filter((row) => row.improvement);

if (flag('--json')) {
  process.stdout.write(
    `${JSON.stringify({ threshold, absolute, regressions, improvements, rows, missing, added }, null, 2)}\n`
  );
  process.exit(regressions.length ? 1 : 0);
}

const fmt = (value, unit) => {
  if (value == null) return '–';
  if (unit === 'bytes') return `${(value / 2 ** 20).toFixed(0)} MiB`;
  if (unit === 'ms') return `${value.toFixed(2)} ms`;
  if (unit === '×') return `×${value.toFixed(3)}`;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(2)} ${unit || ''}`.trim();
};
const pct = (change) =>
  change == null ? '–' : `${change >= 1 ? '+' : ''}${((change - 1) * 100).toFixed(1)}%`;

const print = (line = '') => process.stdout.write(`${line}\n`);
print(
  `old: ${path.relative(process.cwd(), files[0])} (${before.mode}, ${before.startedAt}, ${((before.git && before.git.commit) || '').slice(0, 10)})`
);
print(
  `new: ${path.relative(process.cwd(), files[1])} (${after.mode}, ${after.startedAt}, ${((after.git && after.git.commit) || '').slice(0, 10)})`
);
print(
  `judged on ${absolute ? 'our own values' : 'the ratio to the baseline measured in the same run'}; threshold ${(threshold * 100).toFixed(0)}%`
);
if (before.mode !== after.mode)
  print('note: the runs are of different modes (quick/full); data sizes and durations differ');
print();
const width = Math.max(20, ...rows.map((row) => row.key.length));
print(
  `${'measure'.padEnd(width)}  ${'old'.padStart(12)}  ${'new'.padStart(12)}  ${'own'.padStart(8)}  ${'vs base'.padStart(8)}`
);
for (const row of rows) {
  const mark = row.regression ? '  SLOWER' : row.improvement ? '  faster' : '';
  print(
    `${row.key.padEnd(width)}  ${fmt(row.previous, row.unit).padStart(12)}  ${fmt(row.ours, row.unit).padStart(12)}  ${pct(row.ownChange).padStart(8)}  ${pct(row.ratioChange).padStart(8)}${mark}`
  );
}
if (missing.length) print(`\nonly in old: ${missing.join('; ')}`);
if (added.length) print(`only in new: ${added.join('; ')}`);
print();
if (regressions.length) {
  print(`Slower (${regressions.length}):`);
  for (const row of regressions) {
    const what = row.better === 'higher' ? 'fell' : 'rose';
    print(
      `  - ${row.scenario}/${row.case} on ${row.engine || 'no database'}: ${row.name} ${what} ${pct(row.change)} (${row.judgedOn}; ${fmt(row.previous, row.unit)} → ${fmt(row.ours, row.unit)})`
    );
  }
} else {
  print('Nothing got slower beyond the threshold.');
}
process.exit(regressions.length ? 1 : 0);
