#!/usr/bin/env node
'use strict';
/**
 * docs/benchmarks.md and its SVG charts (docs/benchmarks/*.svg) from a results file:
 *   node bench/report.js [bench/results/latest-full.json]
 * `npm run bench` calls it after a full run. Hand-written findings come from bench/findings.md.
 */
const fs = require('fs');
const path = require('path');
const { writeDoc } = require('./lib/write-doc');
const { barChart, lineChart, COLORS } = require('./lib/svg');

const REPO = path.resolve(__dirname, '..');
const DOC = path.join(REPO, 'docs', 'benchmarks.md');
const CHART_DIR = path.join(REPO, 'docs', 'benchmarks');
const FINDINGS = path.join(__dirname, 'findings.md');

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const SCENARIO_ORDER = [
  'rest',
  'graphql',
  'lookup',
  'archive',
  'search',
  'import',
  'micro',
  'startup',
  'cache',
  'scheduling',
  'saves',
  'writes',
];
const NUMBERS = {
  rest: 1,
  graphql: 2,
  lookup: 3,
  archive: 4,
  import: 5,
  micro: 6,
  startup: 7,
  search: 8,
  saves: 9,
  writes: 11,
};

const ms = (value) => (value == null ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(2));
const num = (value) =>
  value == null
    ? '–'
    : value >= 1000
      ? Math.round(value).toLocaleString('en')
      : value >= 10
        ? value.toFixed(0)
        : value.toFixed(2);
const mib = (bytes) => (bytes == null ? '–' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const times = (value) => (value == null ? '–' : `×${value.toFixed(3)}`);
const verdict = (pass) => (pass === true ? '✅ meets' : pass === false ? '❌ misses' : '');
const metricOf = (record, name) =>
  (record.metrics || []).find((metric) => metric.name === name) || {};
const formatValue = (value, unit) => {
  if (value == null) return '–';
  if (unit === 'bytes') return mib(value);
  if (unit === 'ms') return `${ms(value)} ms`;
  if (unit === 'ns') return `${num(value)} ns`;
  return `${num(value)} ${unit || ''}`.trim();
};

const scenariosOf = (results, id) => results.scenarios.filter((scenario) => scenario.id === id);
const engineName = (engine) => ENGINE_NAMES[engine] || engine || '';

const bytesOf = (record, key) =>
  record.responses && record.responses[key]
    ? record.responses[key].bytes.toLocaleString('en')
    : '–';
const sqlCount = (entry) =>
  entry ? `${entry.count}${entry.transactions ? ` (${entry.transactions} tx)` : ''}` : '–';

const isHttp = (record) => record.kind === 'http';

/** A table of HTTP cases: ours and the baseline side by side, with ratios and the SQL count per request. */
const httpTable = (scenarios) => {
  const rows = [
    '| Case | Engine | Ours: median / p95 / p99 | Ours: req/s | Baseline: median / p95 / p99 | Baseline: req/s | Latency ratio | Throughput ratio | Server CPU per request (ours / baseline, ratio) | Response bytes (ours / baseline) | SQL statements per request (ours / baseline) | Target |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const scenario of scenarios) {
    for (const record of (scenario.cases || []).filter(isHttp)) {
      const s = record.summaries || {};
      const ours = s[record.oursKey] || {};
      const base = s[record.baselineKey] || {};
      const sql = record.sql || {};
      rows.push(
        `| ${record.title} (${record.oursKey} vs ${record.baselineKey}) | ${engineName(scenario.engine)} | ${ms(ours.median)} / ${ms(ours.p95)} / ${ms(ours.p99)} ms | ${num(ours.rps)} | ` +
          `${ms(base.median)} / ${ms(base.p95)} / ${ms(base.p99)} ms | ${num(base.rps)} | ${times(metricOf(record, 'median').ratio)} | ${times(metricOf(record, 'rps').ratio)} | ` +
          `${ms(ours.cpuMsPerRequest)} / ${ms(base.cpuMsPerRequest)} ms (${times(metricOf(record, 'cpu').ratio)}) | ` +
          `${bytesOf(record, record.oursKey)} / ${bytesOf(record, record.baselineKey)} | ` +
          `${sqlCount(sql[record.oursKey])} / ${sqlCount(sql[record.baselineKey])} | ${verdict(record.pass) || 'none set'} |`
      );
    }
  }
  return rows.join('\n');
};

const httpChart = (title, scenarios, baselineLabel, baselineKey = null) => {
  const groups = [];
  for (const scenario of scenarios) {
    for (const record of (scenario.cases || []).filter(
      (item) => isHttp(item) && (!baselineKey || item.baselineKey === baselineKey)
    )) {
      const s = record.summaries || {};
      groups.push({
        label: `${record.id}\n${engineName(scenario.engine)}`,
        bars: [
          {
            key: 'ours',
            value: (s[record.oursKey] || {}).median,
            high: (s[record.oursKey] || {}).p95,
          },
          {
            key: 'baseline',
            value: (s[record.baselineKey] || {}).median,
            high: (s[record.baselineKey] || {}).p95,
          },
        ],
      });
    }
  }
  if (!groups.length) return null;
  return barChart({
    title,
    unit: 'ms (bar: median, whisker: p95)',
    groups,
    series: [
      { key: 'ours', label: 'Pishkhan', color: COLORS.ours },
      { key: 'baseline', label: baselineLabel, color: COLORS.baseline },
    ],
  });
};

const sqlDetails = (scenarios) => {
  const out = [];
  for (const scenario of scenarios) {
    for (const record of (scenario.cases || []).filter(isHttp)) {
      const sql = record.sql || {};
      const keys = [record.oursKey, record.baselineKey].filter((key) => sql[key]);
      if (!keys.length) continue;
      out.push(
        `<details><summary>SQL of one request: ${record.id}, ${engineName(scenario.engine)}</summary>\n`
      );
      for (const key of keys) {
        const shown = sql[key].statements.slice(0, 14);
        const more = sql[key].statements.length - shown.length;
        out.push(
          `${key} (${sql[key].count} statements, ${sql[key].transactions || 0} transactions):\n\n\`\`\`sql\n${shown.join('\n')}${more > 0 ? `\n-- … and ${more} more` : ''}\n\`\`\`\n`
        );
      }
      out.push('</details>\n');
    }
  }
  return out.join('\n');
};

/** The jalali-date plugin's share of the list (the Jalali issue's target), read from a CPU profile of ours. */
const shareLines = (scenarios) => {
  const out = [];
  for (const scenario of scenarios) {
    const record = (scenario.cases || []).find((item) => item.id === 'list-jalali-share');
    if (!record) continue;
    const [metric] = record.metrics;
    const jalali = record.shares.find((item) => item.area === 'plugin:jalali-date');
    out.push(
      `- ${engineName(scenario.engine)}: the jalali-date plugin, with the built-ins it calls, took ${((jalali ? jalali.share : 0) * 100).toFixed(2)}% of our ` +
        `server's busy CPU over ${record.requests} list pages (${ms(metric.ours)} ms a page under the profiler): the list costs ${times(metric.ratio)} what it would ` +
        `without it ${verdict(record.pass)}. All our code: ${
          record.shares
            .filter((item) => item.share >= 0.0005)
            .map((item) => `${item.area} ${(item.share * 100).toFixed(2)}%`)
            .join(', ') || 'none'
        }.`
    );
  }
  if (!out.length) return '';
  return [
    '',
    "The Jalali issue's own target, that the list with the Jalali fields is under 5% slower than without the plugin, is read from",
    "a CPU profile of our server during the list: the plugin's share and the whole come from one process in one window, where two",
    'servers compared end to end differ here by ±10% from one instance or round to the next (findings, §1).',
    '',
    ...out,
  ].join('\n');
};

const errorsOf = (scenarios) =>
  scenarios
    .filter((scenario) => scenario.error)
    .map(
      (scenario) => `> **${engineName(scenario.engine)}: failed.** ${scenario.error.split('\n')[0]}`
    )
    .join('\n\n');

const section = {
  rest: (results, charts) => {
    const scenarios = scenariosOf(results, 'rest');
    const chart = httpChart(
      'REST: median latency (lower is better)',
      scenarios.filter((s) => !s.error),
      'plain Strapi',
      'plain'
    );
    if (chart) charts.push(['rest.svg', chart]);
    return [
      'The article list (`GET /api/articles?locale=fa`, 25 a page, pages 1–4 in turn, `populate[section]` and',
      '`populate[quotedOfficials]`) and the findOne of the same articles with the same populate, against the',
      'same content model on plain Strapi. Target: within 5% (median latency and requests per second).',
      '',
      errorsOf(scenarios),
      httpTable(scenarios.filter((s) => !s.error)),
      shareLines(scenarios.filter((s) => !s.error)),
      chart ? '\n![REST latency](benchmarks/rest.svg)\n' : '',
      sqlDetails(scenarios.filter((s) => !s.error)),
    ].join('\n');
  },
  graphql: (results, charts) => {
    const scenarios = scenariosOf(results, 'graphql');
    const chart = httpChart(
      'GraphQL: median latency (lower is better)',
      scenarios.filter((s) => !s.error),
      'plain Strapi'
    );
    if (chart) charts.push(['graphql.svg', chart]);
    return [
      'The same list and findOne as one GraphQL query each (`articles(locale: "fa", pagination: { pageSize: 25 })`',
      'and `article(documentId, locale: "fa")` with `section { name slug }` and `quotedOfficials { fullName role }`),',
      'the same query text on both apps. Target: within 5%.',
      '',
      errorsOf(scenarios),
      httpTable(scenarios.filter((s) => !s.error)),
      chart ? '\n![GraphQL latency](benchmarks/graphql.svg)\n' : '',
      sqlDetails(scenarios.filter((s) => !s.error)),
    ].join('\n');
  },
  lookup: (results, charts) => {
    const scenarios = scenariosOf(results, 'lookup');
    const chart = httpChart(
      'Lookups: median latency (lower is better)',
      scenarios.filter((s) => !s.error),
      'findOne by documentId'
    );
    if (chart) charts.push(['lookup.svg', chart]);
    return [
      'On our app only: `GET /api/articles/slug/:slug` and `GET /api/articles/code/:newsCode` against',
      '`GET /api/articles/:documentId`, over the same 100 articles in turn, all with the same populate. No target',
      'was set: the table shows what a lookup costs over a findOne.',
      '',
      errorsOf(scenarios),
      httpTable(scenarios.filter((s) => !s.error)),
      chart ? '\n![Lookup latency](benchmarks/lookup.svg)\n' : '',
      sqlDetails(scenarios.filter((s) => !s.error)),
    ].join('\n');
  },
  archive: (results, charts) => {
    const scenarios = scenariosOf(results, 'archive');
    const ok = scenarios.filter((s) => !s.error && s.cases.length);
    const rows = [
      '| Engine | Articles | Ours: median / p95 / p99 | Ours: req/s | Plain filter: median / p95 / p99 | Plain: req/s | Latency ratio |',
      '|---|---|---|---|---|---|---|',
    ];
    const series = [];
    for (const scenario of ok) {
      for (const record of scenario.cases) {
        const o = record.summaries.ours;
        const p = record.summaries.plain;
        rows.push(
          `| ${engineName(scenario.engine)} | ${record.size.toLocaleString('en')} | ${ms(o.median)} / ${ms(o.p95)} / ${ms(o.p99)} ms | ${num(o.rps)} | ${ms(p.median)} / ${ms(p.p95)} / ${ms(p.p99)} ms | ${num(p.rps)} | ${times(metricOf(record, 'median').ratio)} |`
        );
      }
      const dashed = scenario.engine === 'postgres';
      series.push({
        label: `Pishkhan archive, ${engineName(scenario.engine)}`,
        color: dashed ? '#17becf' : COLORS.ours,
        dashed,
        points: scenario.cases.map((record) => [record.size, record.summaries.ours.median]),
      });
      series.push({
        label: `plain filter, ${engineName(scenario.engine)}`,
        color: dashed ? '#d62728' : COLORS.plain,
        dashed,
        points: scenario.cases.map((record) => [record.size, record.summaries.plain.median]),
      });
    }
    if (series.length && ok.some((scenario) => scenario.cases.length > 1)) {
      charts.push([
        'archive.svg',
        lineChart({
          title: 'Archive of one month: median latency as the archive grows',
          unit: 'ms (median)',
          xLabel: 'articles in the archive (log scale)',
          series,
          width: 860,
        }),
      ]);
    }
    const growth = ok.map(
      (scenario) =>
        `- ${engineName(scenario.engine)}: our median ${times(scenario.growth.ours)} from the smallest to the largest archive, plain Strapi's ${times(scenario.growth.plain)}; ` +
        `every archive query of ours on an index: ${scenario.indexUsed ? 'yes' : '**no**'}. ${verdict(scenario.pass)} (${scenario.target}).`
    );
    const loads = ok.map(
      (scenario) =>
        `- ${engineName(scenario.engine)}: ${scenario.loads.map((load) => `${load.added.toLocaleString('en')} added in ${((load.insertMs.ours + load.insertMs.plain) / 1000).toFixed(1)} s`).join(', ')} (both apps).`
    );
    const plans = [];
    for (const scenario of ok) {
      const largest = Math.max(...scenario.plans.map((plan) => plan.size));
      for (const plan of scenario.plans.filter((item) => item.size === largest)) {
        plans.push(
          `**${plan.app === 'ours' ? 'Ours' : 'Plain Strapi'}, ${engineName(scenario.engine)}, ${largest.toLocaleString('en')} articles**\n`
        );
        for (const query of plan.queries) {
          plans.push(`\`\`\`sql\n${query.sql}\n\`\`\`\n\`\`\`\n${query.plan.join('\n')}\n\`\`\`\n`);
        }
      }
    }
    return [
      'The archive of one Jalali month (`GET /api/articles/archive/1396/8`, 25 a page, pages 1–4 in turn) as the archive grows.',
      'The month holds the same 100 articles at every size; the other articles are spread over 1390–1403, so only the rest of',
      'the table grows. Plain Strapi is given the same month as a `publishedOn` range filter with the same sort',
      '(`filters[publishedOn][$gte]=…&filters[publishedOn][$lt]=…&sort=publishedOn:desc`); both answer the same 100 articles (checked).',
      'These data sets are inserted in bulk (draft and published rows, section links, as Strapi stores them), not through the',
      'Document Service, which would take hours for 100,000 articles; PostgreSQL tables are `ANALYZE`d after each insert, as autovacuum would.',
      '',
      errorsOf(scenarios),
      rows.join('\n'),
      '',
      growth.join('\n'),
      '',
      'Bulk inserts:',
      loads.join('\n'),
      charts.some(([name]) => name === 'archive.svg')
        ? '\n![Archive latency](benchmarks/archive.svg)\n'
        : '',
      "The SQL each server ran for page 1 (captured from knex's `query` event in the running server) and its plan",
      '(`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL) with the same bindings:',
      '',
      plans.join('\n'),
    ].join('\n');
  },
  search: (results, charts) => {
    const scenarios = scenariosOf(results, 'search');
    const ok = scenarios.filter((s) => !s.error && s.cases.length);
    const rows = [
      '| Engine | Articles | Ours: median / p95 / p99 | Ours: req/s | Plain `$containsi`: median / p95 / p99 | Plain: req/s | Latency ratio |',
      '|---|---|---|---|---|---|---|',
    ];
    const series = [];
    for (const scenario of ok) {
      for (const record of scenario.cases) {
        const o = record.summaries.ours;
        const p = record.summaries.plain;
        rows.push(
          `| ${engineName(scenario.engine)} | ${record.size.toLocaleString('en')} | ${ms(o.median)} / ${ms(o.p95)} / ${ms(o.p99)} ms | ${num(o.rps)} | ${ms(p.median)} / ${ms(p.p95)} / ${ms(p.p99)} ms | ${num(p.rps)} | ${times(metricOf(record, 'median').ratio)} |`
        );
      }
      const dashed = scenario.engine === 'postgres';
      series.push({
        label: `Pishkhan search p95, ${engineName(scenario.engine)}`,
        color: dashed ? '#17becf' : COLORS.ours,
        dashed,
        points: scenario.cases.map((record) => [record.size, record.summaries.ours.p95]),
      });
      series.push({
        label: `plain $containsi p95, ${engineName(scenario.engine)}`,
        color: dashed ? '#d62728' : COLORS.plain,
        dashed,
        points: scenario.cases.map((record) => [record.size, record.summaries.plain.p95]),
      });
    }
    if (series.length && ok.some((scenario) => scenario.cases.length > 1)) {
      charts.push([
        'search.svg',
        lineChart({
          title: 'Search: p95 latency as the archive grows',
          unit: 'ms (p95)',
          xLabel: 'articles in the archive (log scale)',
          series,
          width: 860,
        }),
      ]);
    }
    const verdicts = ok.map(
      (scenario) =>
        `- ${engineName(scenario.engine)}: our p95 ${ms(scenario.p95AtLargest)} ms at the largest size. ${verdict(scenario.pass)} (${scenario.target}).`
    );
    const indexing = ok.map(
      (scenario) =>
        `- ${engineName(scenario.engine)}: ${scenario.indexing.map((item) => `${item.size.toLocaleString('en')} articles in ${(item.ms / 1000).toFixed(1)} s`).join(', ')}.`
    );
    return [
      '`GET /api/search?q=…&locale=fa` (10 a page) for six queries in turn (' +
        (ok[0] ? ok[0].queries.map((q) => `«${q}»`).join(', ') : '') +
        ';',
      'two typed with Arabic ي, which our search folds) as the archive grows, on the same bulk-inserted articles as scenario 4.',
      'Plain Strapi has no search: its baseline is what a frontend would do without one, `$containsi` on title and lead',
      '(a scan, one spelling only, so it finds less). Target (the search issue): p95 under 50 ms at 100,000 articles.',
      '',
      errorsOf(scenarios),
      rows.join('\n'),
      '',
      verdicts.join('\n'),
      '',
      "Our index built by the app's own rebuild (`npm run search:rebuild`), from empty, for the whole archive:",
      indexing.join('\n'),
      charts.some(([name]) => name === 'search.svg')
        ? '\n![Search latency](benchmarks/search.svg)\n'
        : '',
    ].join('\n');
  },
  micro: (results, charts) => {
    const scenarios = scenariosOf(results, 'micro');
    const ok = scenarios.filter((s) => !s.error);
    const rows = [
      '| Operation | Ours | Baseline | Baseline is | Ratio (time) |',
      '|---|---|---|---|---|',
    ];
    const groups = [];
    for (const scenario of ok) {
      for (const record of scenario.cases) {
        const ns = metricOf(record, 'ns/op');
        rows.push(
          `| ${record.title} | ${num(ns.ours)} ns | ${num(ns.baseline)} ns | ${record.baselineName} | ${times(ns.ratio)} |`
        );
        groups.push({
          label: record.id,
          bars: [
            { key: 'ours', value: ns.ours },
            { key: 'baseline', value: ns.baseline },
          ],
        });
      }
    }
    if (groups.length) {
      charts.push([
        'micro.svg',
        barChart({
          title: 'Core micro-benchmarks: time per operation (lower is better)',
          unit: 'ns per operation',
          groups,
          series: [
            { key: 'ours', label: 'Pishkhan core', color: COLORS.ours },
            { key: 'baseline', label: 'Intl / slugify', color: COLORS.baseline },
          ],
        }),
      ]);
    }
    return [
      'Our compiled cores (`dist/src/jalali`, `dist/src/plugins/persian-slug/core`) in a process of their own,',
      'over 1,024 dates and titles in turn, samples of ours and the baseline alternating, median of the samples. The Jalali',
      "baseline is one cached `new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'Asia/Tehran', dateStyle: 'full', timeStyle: 'short' })`;",
      'the slug baseline is `slugify` from npm (which transliterates Persian letters to Latin; ours keeps them).',
      '',
      errorsOf(scenarios),
      rows.join('\n'),
      groups.length ? '\n![Micro-benchmarks](benchmarks/micro.svg)\n' : '',
    ].join('\n');
  },
  startup: (results, charts) => {
    const scenarios = scenariosOf(results, 'startup');
    const ok = scenarios.filter((s) => !s.error);
    const rows = ['| Measure | Engine | Ours | Plain Strapi | Ratio |', '|---|---|---|---|---|'];
    const startGroups = [];
    const memoryGroups = [];
    for (const scenario of ok) {
      for (const record of scenario.cases) {
        const [metric] = record.metrics;
        rows.push(
          `| ${record.title} | ${engineName(scenario.engine)} | ${formatValue(metric.ours, metric.unit)} | ${formatValue(metric.baseline, metric.unit)} | ${times(metric.ratio)} |`
        );
        if (record.id === 'startup')
          startGroups.push({
            label: engineName(scenario.engine),
            bars: [
              { key: 'ours', value: metric.ours },
              { key: 'baseline', value: metric.baseline },
            ],
          });
        if (metric.unit === 'bytes')
          memoryGroups.push({
            label: `${record.id}\n${engineName(scenario.engine)}`,
            bars: [
              { key: 'ours', value: metric.ours / 2 ** 20 },
              { key: 'baseline', value: metric.baseline / 2 ** 20 },
            ],
          });
      }
    }
    const series = [
      { key: 'ours', label: 'Pishkhan', color: COLORS.ours },
      { key: 'baseline', label: 'plain Strapi', color: COLORS.baseline },
    ];
    if (startGroups.length)
      charts.push([
        'startup.svg',
        barChart({ title: 'Start-up time (median)', unit: 'ms', groups: startGroups, series }),
      ]);
    if (memoryGroups.length)
      charts.push([
        'memory.svg',
        barChart({
          title: 'Resident memory',
          unit: 'MiB',
          groups: memoryGroups,
          series,
          width: 860,
        }),
      ]);
    return [
      "`strapi start` from spawn until `GET /_health` answers 204, on the main data set's databases (schema already there),",
      'alternating the apps; resident memory (VmRSS) half a second after start-up, and of the servers that served the HTTP',
      'scenarios at their end (current and peak).',
      '',
      errorsOf(scenarios),
      rows.join('\n'),
      startGroups.length ? '\n![Start-up time](benchmarks/startup.svg)\n' : '',
      memoryGroups.length ? '![Resident memory](benchmarks/memory.svg)\n' : '',
    ].join('\n');
  },
  saves: (results) => {
    const scenarios = scenariosOf(results, 'saves');
    const rows = [
      '| Engine | Paragraphs | Ours (ms) | Plain Strapi (ms) | Ours, ms a block | Plain, ms a block |',
      '|---|---|---|---|---|---|',
    ];
    const readers = [
      '| Engine | During | Reads | Median (ms) | p99 (ms) | Slowest (ms) | The work took (ms) |',
      '|---|---|---|---|---|---|---|',
    ];
    for (const scenario of scenarios.filter((s) => !s.error)) {
      for (const record of scenario.sizes) {
        rows.push(
          `| ${engineName(scenario.engine)} | ${record.blocks.toLocaleString('en')} | ${ms(record.ms.ours)} | ${ms(record.ms.plain)} | ` +
            `${ms(record.ms.ours / record.blocks)} | ${ms(record.ms.plain / record.blocks)} |`
        );
      }
      for (const [during, read] of [
        ['a 2,000-paragraph save', scenario.readers.duringSave],
        [
          'an import (dry run of ten 1.9 MiB files, then 20 stories)',
          scenario.readers.duringImport,
        ],
      ]) {
        readers.push(
          `| ${engineName(scenario.engine)} | ${during} | ${read.reads} | ${ms(read.p50)} | ${ms(read.p99)} | ${ms(read.max)} | ${ms(read.workMs)} |`
        );
      }
    }
    return [
      'An article created over REST (`POST /api/articles`, published, as REST does by default) with 100 to 5,000 paragraphs,',
      "on our app and plain Strapi alternately, the faster of two saves each; both run on the repository's node_modules, so",
      'plain Strapi has our patches to `@strapi/database` and `@strapi/core` too. Then a reader loops over the article list,',
      'the sections and `/_health` on our app during a 2,000-paragraph save and during an import.',
      '',
      errorsOf(scenarios),
      rows.join('\n'),
      '',
      readers.join('\n'),
      '',
      ...scenarios
        .filter((s) => !s.error)
        .map(
          (scenario) =>
            `- ${engineName(scenario.engine)}: ms a block, largest body ÷ 1,000 paragraphs: ours ${times(scenario.growth.ours)}, ` +
            `plain ${times(scenario.growth.plain)}. ${verdict(scenario.pass)} (${scenario.target}).`
        ),
    ].join('\n');
  },
  writes: (results) => {
    const scenarios = scenariosOf(results, 'writes');
    const rows = [
      '| Engine | Save | Ours, median (ms) | Plain, median (ms) | Ratio | Pairs, median [p10–p90] | p90 ratio | Statements ours / plain | Target |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    const kinds = (byKind) =>
      Object.entries(byKind)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ');
    const details = [];
    for (const scenario of scenarios.filter((s) => !s.error)) {
      for (const record of scenario.cases) {
        const median = metricOf(record, 'median');
        const statements = metricOf(record, 'statements');
        rows.push(
          `| ${engineName(scenario.engine)} | ${record.id} | ${ms(median.ours)} | ${ms(median.baseline)} | ${times(median.ratio)} | ` +
            `${times(record.pairRatio.median)} [${times(record.pairRatio.p10)}–${times(record.pairRatio.p90)}] | ${times(metricOf(record, 'p90').ratio)} | ` +
            `${statements.ours} / ${statements.baseline} | ×${record.target} ${verdict(record.pass)} |`
        );
        details.push(
          `- ${engineName(scenario.engine)}, ${record.id}: ours ${kinds(record.statements.ours.byKind)}; plain ${kinds(record.statements.plain.byKind)}`
        );
      }
      if (scenario.derivedCreate)
        details.push(
          `- ${engineName(scenario.engine)}, a create without \`quotedOfficials\` (ours derives it from the quote and writes the relation): ${scenario.derivedCreate.total} statements (${kinds(scenario.derivedCreate.byKind)})`
        );
    }
    return [
      'An article shaped like the seed story (lead, ten paragraphs, two «×» sub-headings, a quote of an official, a desk under a',
      'desk with a footer) created over REST (`POST /api/articles`, published as REST does by default), then updated with the whole',
      "form (`PUT`, new title and lead, one paragraph changed), on our app and plain Strapi alternately, each a round's pair;",
      `${(scenarios.find((s) => s.rounds) || {}).rounds || '–'} rounds after 5 in turn to warm up. Time is the client's, request to last byte; the statements are those`,
      "of one create and one update counted inside each server (knex `query` events, transactions' BEGIN/COMMIT included).",
      'Plain Strapi is sent the slug and news code our plugins derive; both are sent the quoted official in `quotedOfficials`, as the',
      "editor's form sends it (our app derives it from the quotes and writes the relation itself when it is missing).",
      '',
      errorsOf(scenarios),
      rows.join('\n'),
      '',
      'Statements by kind (knex method; `first` is a one-row select):',
      '',
      ...details,
    ].join('\n');
  },
  hook: (results, id) => {
    const scenarios = scenariosOf(results, id);
    if (!scenarios.length) return 'Not run in this run.';
    const out = [];
    for (const scenario of scenarios) {
      out.push(
        `**${engineName(scenario.engine)}** (${scenario.hook}): ${scenario.skipped ? 'not run' : scenario.failed || scenario.error ? 'failed' : 'ran'}${scenario.elapsedMs ? ` in ${(scenario.elapsedMs / 1000).toFixed(0)} s` : ''}.`
      );
      if (scenario.error) out.push(`> ${scenario.error.split('\n')[0]}`);
      for (const note of scenario.notes || []) out.push(`- ${note}`);
      if (scenario.cases && scenario.cases.length) {
        out.push(
          '',
          '| Case | Measure | Ours | Baseline | Ratio | Target |',
          '|---|---|---|---|---|---|'
        );
        for (const record of scenario.cases) {
          for (const metric of record.metrics) {
            out.push(
              `| ${record.title || record.id} | ${metric.name} | ${formatValue(metric.ours, metric.unit)} | ${formatValue(metric.baseline, metric.unit)} | ${times(metric.ratio)} | ${verdict(record.pass)} |`
            );
          }
        }
      }
      if (scenario.table) out.push('', "The hook's own table:", '', scenario.table);
      if (scenario.raw)
        out.push('', '```json', JSON.stringify(scenario.raw, null, 2).slice(0, 4000), '```');
      if (scenario.output && (scenario.failed || !scenario.cases.length))
        out.push(
          '',
          '<details><summary>output</summary>',
          '',
          '```',
          scenario.output,
          '```',
          '</details>'
        );
      out.push('');
    }
    return out.join('\n');
  },
};

const summaryRows = (results) => {
  const engines = [
    ...new Set(results.scenarios.map((scenario) => scenario.engine).filter(Boolean)),
  ];
  const header = `| # | Scenario | Target | ${engines.map(engineName).join(' | ')} |`;
  const rows = [header, `|---|---|---|${engines.map(() => '---').join('|')}|`];
  const cell = (scenario) => {
    if (!scenario) return 'not run';
    if (scenario.error || scenario.failed) return '⚠️ failed';
    if (scenario.skipped) return 'not run (hook missing)';
    if (scenario.id === 'archive')
      return `${verdict(scenario.pass)}: ours ${times(scenario.growth.ours)} vs plain ${times(scenario.growth.plain)} from smallest to largest`;
    if (scenario.id === 'search')
      return `${verdict(scenario.pass)}: our p95 ${ms(scenario.p95AtLargest)} ms at the largest size`;
    const parts = (scenario.cases || []).map((record) => {
      const main = record.kind === 'http' ? metricOf(record, 'median') : record.metrics[0] || {};
      const cpu = record.kind === 'http' ? metricOf(record, 'cpu').ratio : null;
      return `${record.id} ${times(main.ratio)}${cpu != null ? ` (CPU ${times(cpu)})` : ''}${record.pass === false ? ' ❌' : record.pass === true ? ' ✅' : ''}`;
    });
    return parts.join(', ') || 'ran';
  };
  for (const id of SCENARIO_ORDER) {
    const all = scenariosOf(results, id);
    if (!all.length) continue;
    const target = (all.find((scenario) => scenario.target) || {}).target || '';
    if (id === 'micro') {
      rows.push(
        `| ${NUMBERS[id]} | ${all[0].title} | ${target} | ${engines.map(() => cell(all[0])).join(' | ')} |`
      );
      continue;
    }
    rows.push(
      `| ${NUMBERS[id] || ''} | ${all[0].title} | ${target} | ${engines.map((engine) => cell(all.find((scenario) => scenario.engine === engine))).join(' | ')} |`
    );
  }
  return rows.join('\n');
};

/** Our code's share of a profile, built-ins it calls included (`callerAreas`), and the slow-down it makes. */
const ourShares = (side) => {
  const mine = (side.callerAreas || []).filter(
    (area) => (area.area === 'app' || area.area.startsWith('plugin:')) && area.share >= 0.001
  );
  if (!mine.length) return '';
  const total = mine.reduce((sum, area) => sum + area.share, 0);
  return (
    ` Our code, with the built-ins it calls: ${mine.map((area) => `${area.area} ${(area.share * 100).toFixed(1)}%`).join(', ')} of ours' busy CPU ` +
    `: ${times(1 / (1 - total))} the CPU of the same request without it, if nothing else changed.`
  );
};

const profilesSection = (results) => {
  if (!results.profiles || !results.profiles.length) return '';
  const out = [
    '## CPU profiles',
    '',
    'Recorded with `--profile`: each server profiled through the inspector during a load window only (start-up excluded).',
    'CPU time per request by area (self time; "node" is Node\'s own JavaScript and I/O, "native" V8 built-ins such as',
    '`JSON.stringify`, "gc" the garbage collector):',
    '',
  ];
  for (const profile of results.profiles) {
    if (!profile.ours || !profile.plain) continue;
    const per = (side, area) => {
      const found = side.areas.find((item) => item.area === area);
      return found && side.requests ? found.ms / side.requests : 0;
    };
    out.push(
      `**${profile.id}, ${engineName(profile.engine)}**: ${profile.ours.cpuMsPerRequest.toFixed(2)} ms of CPU per request for ours, ` +
        `${profile.plain.cpuMsPerRequest.toFixed(2)} ms for plain Strapi (${times(profile.ours.cpuMsPerRequest / profile.plain.cpuMsPerRequest)}).` +
        ourShares(profile.ours),
      ''
    );
    out.push('| Area | Ours, ms/request | Plain, ms/request | Difference |', '|---|---|---|---|');
    const areas = [
      ...new Set([...profile.ours.areas, ...profile.plain.areas].map((area) => area.area)),
    ]
      .map((area) => ({ area, ours: per(profile.ours, area), plain: per(profile.plain, area) }))
      .filter((row) => row.ours >= 0.01 || row.plain >= 0.01)
      .sort((a, b) => Math.abs(b.ours - b.plain) - Math.abs(a.ours - a.plain) || b.ours - a.ours);
    for (const row of areas.slice(0, 14)) {
      out.push(
        `| ${row.area} | ${row.ours.toFixed(3)} | ${row.plain.toFixed(3)} | ${row.ours - row.plain >= 0 ? '+' : ''}${(row.ours - row.plain).toFixed(3)} |`
      );
    }
    out.push(
      '',
      '<details><summary>hottest functions of ours</summary>',
      '',
      '| Function | Area | Share of busy CPU |',
      '|---|---|---|'
    );
    for (const entry of profile.ours.top)
      out.push(
        `| \`${entry.function.replace(/\|/g, '\\|')}\` | ${entry.area} | ${(entry.share * 100).toFixed(1)}% |`
      );
    out.push('</details>', '');
  }
  return out.join('\n');
};

const buildMarkdown = (results, { resultsFile } = {}) => {
  const charts = [];
  const m = results.machine;
  const busy = m.loadAverage[0] > m.cpus * 0.5;
  const findings = fs.existsSync(FINDINGS) ? fs.readFileSync(FINDINGS, 'utf8').trim() : '';
  const body = [];
  body.push('# Benchmarks', '');
  body.push(
    `> Generated by \`npm run bench\` (\`bench/report.js\`) from ${resultsFile ? `\`${path.relative(REPO, resultsFile)}\`` : 'a results file'} — a **${results.mode}** run of ` +
      `${new Date(results.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC that took ${(results.durationMs / 60000).toFixed(1)} min, on commit ` +
      `\`${(results.git.commit || 'unknown').slice(0, 10)}\`${results.git.dirty ? ' with uncommitted changes' : ''}. Do not edit by hand: run again, or change ` +
      '`bench/report.js` (layout) or `bench/findings.md` (findings).'
  );
  body.push('');
  if (busy) {
    body.push(
      `> ⚠️ The machine was busy when this run started (load average ${m.loadAverage.map((n) => n.toFixed(1)).join(', ')} on ${m.cpus} cores): absolute numbers are low and noisy; the ratios, measured alternately in the same run, are what to read.`,
      ''
    );
  }
  body.push(
    '## Summary',
    '',
    "Ratios are ours ÷ baseline, so below 1 is better: median latency under load, with the server's CPU time per request in brackets (the steadier of the two on a shared machine); for micro-benchmarks time per operation; for start-up, time and memory.",
    ''
  );
  body.push(summaryRows(results), '');
  if (results.errors && results.errors.length) {
    body.push(
      'Errors in this run:',
      '',
      ...results.errors.map(
        (error) =>
          `- ${error.scenario || 'setup'}${error.engine ? ` (${engineName(error.engine)})` : ''}: ${String(error.message).split('\n')[0]}`
      ),
      ''
    );
  }
  if (findings) body.push(findings, '');
  body.push('## The machine', '');
  body.push(
    `- ${m.cpus} × ${m.cpuModel}, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB memory, ${m.distro || m.platform}; load average at the start ${m.loadAverage.map((n) => n.toFixed(2)).join(', ')}`
  );
  body.push(
    `- Node ${m.node}; ${Object.entries(m.packages)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`
  );
  if (m.postgres) body.push(`- ${m.postgres.split(' on ')[0]} on the same machine (loopback)`);
  body.push(
    `- Load generator: autocannon in the runner's process, ${results.options.connections} connections, no pipelining; in scenarios 1–3 every server idle for ${results.options.settle ?? 0} s after the last has started; per case the apps warm up in turn, runs of ${results.options.warmup} s (in scenarios 1–3 on until each has answered ${(results.options.warmupRequests ?? 0).toLocaleString('en')} requests, at most four runs), then ${results.options.rounds} alternating rounds of about ${results.options.duration} s each (a fixed number of requests: what the app answered in that time while warming up)`
  );
  if (m.pinning)
    body.push(
      `- Scenarios 1–3: every server on CPU ${m.pinning.servers}, the runner and its load generator on CPU ${m.pinning.loadGenerator} (\`taskset\`; \`--no-pin\` turns it off); the database server where the system runs it`
    );
  body.push(
    `- Main data set: ${results.options.articles} articles (seed ${results.options.seed}); archive: ${results.options.archiveSizes.map((n) => n.toLocaleString('en')).join(', ')} articles`
  );
  body.push('');
  body.push('## How to reproduce', '');
  body.push('```sh');
  body.push(
    'npm ci                                  # once; nothing else is installed by the suite'
  );
  body.push(
    'npm run bench                           # every scenario on SQLite and PostgreSQL, writes this page (under 20 minutes)'
  );
  body.push(
    'npm run bench -- --quick --db sqlite    # a few minutes, small data, short runs; does not rewrite this page'
  );
  body.push(
    'npm run bench -- --only rest,graphql --profile   # chosen scenarios, with CPU profiles of both apps'
  );
  body.push(
    'npm run bench -- --profile-name million # opt-in: every read path at 1,000 → 100,000 → 1,000,000 stories on PostgreSQL (kept databases), writes benchmarks-scale.md'
  );
  body.push(
    'node bench/compare.js bench/results/old.json bench/results/new.json   # what got slower between two runs'
  );
  body.push(
    'node bench/calls/run.js --db postgres   # exact JavaScript calls per request, ours against plain Strapi (no load changes them)'
  );
  body.push(
    'node bench/report.js bench/results/latest-full.json                   # this page again from a results file'
  );
  body.push('```', '');
  body.push(
    'PostgreSQL is expected at `postgres://postgres@127.0.0.1:5432` (override with `BENCH_POSTGRES_URL`); the suite creates and drops its own',
    'databases (`pishkhan_bench_*`). Results go to `bench/results/` (not committed). `npm run bench -- --help` lists every option.',
    ''
  );
  body.push('## Method', '');
  body.push(
    "- **Our app** is a snapshot of the working tree (config, src) compiled by the project's own `tsc` into its `dist/`, served by",
    '  `strapi start` (`node node_modules/@strapi/strapi/bin/strapi.js start`) as a child process with `NODE_ENV=production`, `LOG_LEVEL=warn`.',
    '- **The baseline** is plain Strapi generated by `bench/lib/apps.js`: a JavaScript app with the same content types and components,',
    '  our custom fields turned into the types they store',
    `  (${(results.apps && results.apps.plain ? results.apps.plain.converted : []).map((item) => `\`${item.uid.replace(/^api::/, '')}.${item.field}\` → ${item.to}`).join(', ')}),`,
    "  the same config (api limits, graphql and users-permissions settings, database), Strapi's own middlewares only",
    `  (${(results.apps && results.apps.plain ? results.apps.plain.droppedPlugins : []).join(', ')} left out), core controllers, routes and services from`,
    '  the factories, and a bootstrap making `fa` the default locale and letting the public `find`/`findOne`. It has none of our',
    '  app-level code either (drafts-never-public, locale fallback, article document hooks).',
    '- **Data** is generated from a seed (`bench/lib/dataset.js`): desks, officials and published articles shaped like the seed story',
    '  (Persian title, kicker, lead, paragraphs, «×» sub-headings, quotes of officials, byline, reporter code, source), dated over Jalali',
    "  1390–1403. The main data set goes through each app's own Document Service (in-process `createStrapi(…).load()`), so our plugins",
    '  make slugs, news codes, footers and the search index as they would for an editor; the plain app gets the same slugs and codes.',
    '  Archive data sets are inserted in bulk (see scenario 4). Nothing is committed; every run starts from fresh databases.',
    '- **Measurement**: each case first checks one response of each app (status, content, same totals) and records the SQL it ran',
    '  (knex `query` events in the server, through a preloaded probe that is idle otherwise); then each app is warmed up and the apps',
    '  are measured alternately (A B, B A, …), each round sending a fixed number of requests so that slow requests still in flight',
    '  are never dropped. Percentiles are exact over every response of every round; req/s is responses ÷ time.',
    `- **Our response cache** ${results.options.withCache ? 'was left on (`--with-cache`)' : 'is off (`RESPONSE_CACHE=false`) in scenarios 1–4 and 7'}: these scenarios measure what the plugins cost on every request; the cache has its own scenario.`,
    '- **Targets**: "within 5%" means median latency at most ×1.05 and req/s at least ×0.95 of the baseline.',
    ''
  );

  for (const id of SCENARIO_ORDER) {
    const present = scenariosOf(results, id).length;
    const titles = {
      rest: 'REST: article list and findOne',
      graphql: 'GraphQL: the same queries',
      lookup: 'Lookups by slug and news code',
      archive: 'The Jalali archive as it grows',
      search: 'Search as the archive grows',
      import: 'Import throughput',
      micro: 'Core micro-benchmarks',
      startup: 'Start-up time and memory',
      cache: 'Response cache',
      scheduling: 'Scheduled publishing',
      saves: 'Heavy requests: long saves and imports',
      writes: 'Saves: time and statements per create and update',
    };
    body.push(`## ${NUMBERS[id] ? `${NUMBERS[id]}. ` : ''}${titles[id]}`, '');
    if (!present) {
      body.push(
        id === 'cache'
          ? 'Not run in this run (`npm run bench:cache` is called when it exists).'
          : 'Not run in this run.',
        ''
      );
      continue;
    }
    if (id === 'import' || id === 'cache' || id === 'scheduling') {
      if (id === 'import')
        body.push(
          'Written by the importer (`bench/import/run.js`), run through `npm run bench:import` with the contract in `bench/scenarios/hooks.js`.',
          ''
        );
      body.push(section.hook(results, id), '');
      continue;
    }
    body.push(section[id](results, charts), '');
  }
  const profiles = profilesSection(results);
  if (profiles) body.push(profiles, '');
  return {
    markdown: `${body
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`,
    charts,
  };
};

const writeReport = (results, options = {}) =>
  writeDoc(DOC, CHART_DIR, buildMarkdown(results, options));

/** The console summary at the end of a run. */
const printSummary = (results, print) => {
  print('');
  print('Summary (ours ÷ baseline; below 1 is better):');
  for (const scenario of results.scenarios) {
    const where = scenario.engine ? ` [${engineName(scenario.engine)}]` : '';
    if (scenario.error) {
      print(`  ${scenario.id}${where}: FAILED — ${scenario.error.split('\n')[0]}`);
      continue;
    }
    if (scenario.skipped) {
      print(`  ${scenario.id}${where}: not run — ${(scenario.notes || [])[0] || ''}`);
      continue;
    }
    if (scenario.id === 'saves') {
      print(
        `  saves${where}: ms a block, largest ÷ 1,000 paragraphs: ours ${times(scenario.growth.ours)} / plain ${times(scenario.growth.plain)}; ` +
          `reader p99 ${ms(scenario.readers.duringSave.p99)} ms during a save, ${ms(scenario.readers.duringImport.p99)} ms during an import; ${verdict(scenario.pass)}`
      );
    }
    if (scenario.id === 'search')
      print(
        `  search${where}: our p95 ${ms(scenario.p95AtLargest)} ms at the largest size; ${verdict(scenario.pass)}`
      );
    if (scenario.id === 'archive') {
      print(
        `  archive${where}: ours ${times(scenario.growth.ours)} / plain ${times(scenario.growth.plain)} from smallest to largest; index used: ${scenario.indexUsed}; ${verdict(scenario.pass)}`
      );
    }
    for (const record of scenario.cases || []) {
      const main =
        record.kind === 'http' ? metricOf(record, 'median') : (record.metrics || [])[0] || {};
      const values = main.unit
        ? ` (${formatValue(main.ours, main.unit)} vs ${formatValue(main.baseline, main.unit)})`
        : '';
      print(
        `  ${scenario.id}/${record.id}${where}: ${main.name || ''} ${times(main.ratio)}${values} ${verdict(record.pass)}`
      );
    }
  }
};

if (require.main === module) {
  const file = path.resolve(process.argv[2] || path.join(__dirname, 'results', 'latest-full.json'));
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  const written = writeReport(results, { resultsFile: file });
  process.stdout.write(`${written.map((item) => path.relative(process.cwd(), item)).join('\n')}\n`);
}

module.exports = { writeReport, buildMarkdown, printSummary };
