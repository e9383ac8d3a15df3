'use strict';
/**
 * Scenario 4: the Jalali archive of one month (Aban 1396) as the archive grows (1,000 → 10,000 → 100,000
 * articles by default). The month always holds the same 100 articles; only the rest of the archive grows,
 * so a flat latency means the query does not read the whole table. Ours: GET /api/articles/archive/1396/8;
 * plain Strapi: the same range as a publishedOn filter, sorted the same way. The SQL each server ran is
 * captured and its plan shown (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE).
 */
const path = require('path');
const { archiveArticles, ARCHIVE_MONTH } = require('../lib/dataset');
const { createDatabase } = require('../lib/databases');
const { startServer } = require('../lib/server');
const { openBulk } = require('../lib/bulk');
const { explain, usesIndex } = require('../lib/plans');
const { request } = require('../lib/http');
const { httpCases, shortSql } = require('./common');

const IN_MONTH = 100;
const FLAT_TOLERANCE = 0.25;

const oursPath = (page) =>
  `/api/articles/archive/${ARCHIVE_MONTH.year}/${ARCHIVE_MONTH.month}?locale=fa&pagination[page]=${page}&pagination[pageSize]=25`;
const plainPath = (page) =>
  `/api/articles?locale=fa&filters[publishedOn][$gte]=${new Date(ARCHIVE_MONTH.start).toISOString()}` +
  `&filters[publishedOn][$lt]=${new Date(ARCHIVE_MONTH.end).toISOString()}&sort=publishedOn:desc` +
  `&pagination[page]=${page}&pagination[pageSize]=25`;

const articleQueries = (queries) =>
  queries.filter(
    (query) =>
      query.method &&
      /^(select|first)$/.test(query.method) &&
      /from (?:[`"]\w+[`"]\.)?[`"]articles[`"]/.test(query.sql)
  );

const run = async (ctx, { engine }) => {
  const { opts, apps, log, workDir } = ctx;
  // The month's bounds in the data set must be what our calendar says they are.
  const { jalaliPeriodToUtcRange } = require(path.join(apps.ours.distDir, 'src', 'jalali'));
  const { persianSlug } = require(
    path.join(apps.ours.distDir, 'src', 'plugins', 'persian-slug', 'core')
  );
  const range = jalaliPeriodToUtcRange({ year: ARCHIVE_MONTH.year, month: ARCHIVE_MONTH.month });
  if (range.start.getTime() !== ARCHIVE_MONTH.start || range.end.getTime() !== ARCHIVE_MONTH.end) {
    throw new Error(
      `archive: ARCHIVE_MONTH in bench/lib/dataset.js disagrees with the Jalali core (${range.start.toISOString()} – ${range.end.toISOString()})`
    );
  }

  const databases = {};
  const servers = {};
  const bulk = {};
  const sectionIds = {};
  const cases = [];
  const plans = [];
  const loads = [];
  try {
    for (const name of ['ours', 'plain']) {
      databases[name] = await createDatabase({
        engine,
        name: `${name}_archive`,
        dir: path.join(workDir, 'db'),
      });
      servers[name] = await startServer({
        app: apps[name],
        env: databases[name].env,
        logDir: path.join(workDir, 'logs'),
        label: `${name}-archive-${engine}`,
      });
      bulk[name] = await openBulk(databases[name]);
      sectionIds[name] = await bulk[name].sections((text) => persianSlug(text));
    }
    let inserted = 0;
    for (const size of opts.archiveSizes) {
      const started = Date.now();
      const batch = [];
      for (const article of archiveArticles({
        seed: opts.seed,
        from: inserted,
        to: size,
        inMonth: IN_MONTH,
      })) {
        batch.push({ article, slug: persianSlug(article.title) });
      }
      const generatedMs = Date.now() - started;
      const insertMs = {};
      for (const name of ['ours', 'plain']) {
        const at = Date.now();
        for (let start = 0; start < batch.length; start += 10000)
          await bulk[name].articles(batch.slice(start, start + 10000), sectionIds[name]);
        await bulk[name].analyze();
        insertMs[name] = Date.now() - at;
      }
      loads.push({ size, added: batch.length, generatedMs, insertMs });
      log(
        `  archive ${size.toLocaleString('en')} articles (${batch.length} added: generated in ${generatedMs} ms, inserted ours ${insertMs.ours} ms, plain ${insertMs.plain} ms)`
      );
      inserted = size;

      // Same month, same articles, same order on both apps.
      const first = {};
      for (const [name, url] of [
        ['ours', oursPath(1)],
        ['plain', plainPath(1)],
      ]) {
        const { result, queries } = await servers[name].captureSql((headers) =>
          request(servers[name].url + url, { headers })
        );
        if (result.status !== 200)
          throw new Error(
            `archive: ${name} answered ${result.status}: ${result.text.slice(0, 300)}`
          );
        const total = result.json.meta.pagination.total;
        if (total !== IN_MONTH)
          throw new Error(
            `archive: ${name} found ${total} articles in ${ARCHIVE_MONTH.year}/${ARCHIVE_MONTH.month}, expected ${IN_MONTH}`
          );
        first[name] = result.json.data.map((item) => item.documentId);
        const explained = await explain(databases[name], articleQueries(queries));
        plans.push({
          size,
          app: name,
          queries: explained.map((item) => ({
            sql: shortSql(item.sql),
            plan: item.plan,
            usesIndex: usesIndex(engine, item.plan),
          })),
        });
      }
      if ([...first.ours].sort().join() !== [...first.plain].sort().join()) {
        throw new Error('archive: ours and plain disagree on the first page of the month');
      }
      const pages = Math.ceil(IN_MONTH / 25);
      const measured = await httpCases(ctx, {
        title: `archive of ${ARCHIVE_MONTH.year}/${ARCHIVE_MONTH.month} (${IN_MONTH} articles, pages 1–${pages}) among ${size.toLocaleString('en')}`,
        targets: [
          {
            key: 'ours',
            server: servers.ours,
            requests: Array.from({ length: pages }, (_, index) => ({ path: oursPath(index + 1) })),
          },
          {
            key: 'plain',
            server: servers.plain,
            requests: Array.from({ length: pages }, (_, index) => ({ path: plainPath(index + 1) })),
          },
        ],
        baselineKey: 'plain',
        cases: [
          { id: `archive-${size}`, title: `${size.toLocaleString('en')} articles`, key: 'ours' },
        ],
      });
      measured[0].size = size;
      cases.push(measured[0]);
    }
  } finally {
    for (const name of Object.keys(bulk)) await bulk[name].close().catch(() => {});
    for (const name of Object.keys(servers)) await servers[name].stop().catch(() => {});
    if (!opts.keep)
      for (const name of Object.keys(databases)) await databases[name].drop().catch(() => {});
  }

  const medianOf = (record, key) => record.summaries[key].median;
  const growth = (key) =>
    cases.length > 1 ? medianOf(cases[cases.length - 1], key) / medianOf(cases[0], key) : null;
  const largest = opts.archiveSizes[opts.archiveSizes.length - 1];
  const oursPlansIndexed = plans
    .filter((plan) => plan.app === 'ours')
    .every((plan) => plan.queries.length && plan.queries.every((query) => query.usesIndex));
  const oursGrowth = growth('ours');
  return {
    id: 'archive',
    engine,
    title: `Jalali archive of one month as the archive grows (${opts.archiveSizes.map((size) => size.toLocaleString('en')).join(' → ')})`,
    target: `flat: our median at ${largest.toLocaleString('en')} within ${Math.round(FLAT_TOLERANCE * 100)}% of the smallest size, every archive query on an index`,
    cases,
    growth: { ours: oursGrowth, plain: growth('plain') },
    plans,
    loads,
    pass: oursGrowth !== null && oursGrowth <= 1 + FLAT_TOLERANCE && oursPlansIndexed,
    indexUsed: oursPlansIndexed,
  };
};

module.exports = { run, IN_MONTH };
