'use strict';
/**
 * Scenario 8: search latency as the archive grows (the archive sizes: 1,000 → 10,000 → 100,000 articles
 * by default). Ours: GET /api/search (the database's full-text index, every spelling); plain Strapi: what a
 * frontend would do without it, `$containsi` on title and lead (a LIKE scan, one spelling only). The
 * same generated articles are bulk-inserted into both apps, then our index is built by the app's own
 * rebuild (timed and reported). Target (the search issue): our p95 under 50 ms at the largest size.
 */
const path = require('path');
const { archiveArticles } = require('../lib/dataset');
const { createDatabase } = require('../lib/databases');
const { startServer } = require('../lib/server');
const { openBulk } = require('../lib/bulk');
const { buildSearchIndex } = require('../lib/search-index');
const { httpCases } = require('./common');

const TARGET_P95_MS = 50;

/**
 * Words of the generator's vocabulary (bench/lib/dataset.js): a rare one, common ones, a two-word phrase,
 * and Arabic-keyboard spellings (ي ك), which our search folds and a LIKE does not.
 */
const QUERIES = ['گمرک', 'دفاتر پیشخوان', 'نماینده', 'سرمايه گذاري', 'کمیسیون بودجه', 'مشهد'];

const oursPath = (q) => `/api/search?q=${encodeURIComponent(q)}&locale=fa&pagination[pageSize]=10`;
const plainPath = (q) =>
  `/api/articles?locale=fa&filters[$or][0][title][$containsi]=${encodeURIComponent(q)}` +
  `&filters[$or][1][lead][$containsi]=${encodeURIComponent(q)}&sort=publishedOn:desc&pagination[pageSize]=10`;

const run = async (ctx, { engine }) => {
  const { opts, apps, log, workDir } = ctx;
  const { persianSlug } = require(
    path.join(apps.ours.distDir, 'src', 'plugins', 'persian-slug', 'core')
  );
  const databases = {};
  const servers = {};
  const bulk = {};
  const sectionIds = {};
  const cases = [];
  const indexing = [];
  try {
    for (const name of ['ours', 'plain']) {
      databases[name] = await createDatabase({
        engine,
        name: `${name}_search`,
        dir: path.join(workDir, 'db'),
      });
      servers[name] = await startServer({
        app: apps[name],
        env: databases[name].env,
        logDir: path.join(workDir, 'logs'),
        label: `${name}-search-${engine}`,
      });
      bulk[name] = await openBulk(databases[name]);
      sectionIds[name] = await bulk[name].sections((text) => persianSlug(text));
    }
    let inserted = 0;
    for (const size of opts.archiveSizes) {
      const batch = [];
      for (const article of archiveArticles({ seed: opts.seed, from: inserted, to: size })) {
        batch.push({ article, slug: persianSlug(article.title) });
      }
      for (const name of ['ours', 'plain']) {
        for (let start = 0; start < batch.length; start += 10000)
          await bulk[name].articles(batch.slice(start, start + 10000), sectionIds[name]);
        await bulk[name].analyze();
      }
      inserted = size;
      const built = await buildSearchIndex(apps.ours, databases.ours);
      if (built.documents !== size)
        throw new Error(`search: the index holds ${built.documents} documents, expected ${size}`);
      indexing.push({ size, ms: built.ms });
      log(
        `  search index of ${size.toLocaleString('en')} articles rebuilt in ${(built.ms / 1000).toFixed(1)} s`
      );

      const measured = await httpCases(ctx, {
        title: `search (${QUERIES.length} queries in turn, 10 a page) among ${size.toLocaleString('en')} articles`,
        targets: [
          {
            key: 'ours',
            server: servers.ours,
            requests: QUERIES.map((q) => ({ path: oursPath(q) })),
          },
          {
            key: 'plain',
            server: servers.plain,
            requests: QUERIES.map((q) => ({ path: plainPath(q) })),
          },
        ],
        baselineKey: 'plain',
        cases: [
          { id: `search-${size}`, title: `${size.toLocaleString('en')} articles`, key: 'ours' },
        ],
        check: (key, result) => {
          if (key === 'ours' && !(result.json.meta.pagination.total > 0))
            throw new Error(`search: no hit for «${QUERIES[0]}»`);
        },
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
  const largest = cases[cases.length - 1];
  const p95 = largest ? largest.summaries.ours.p95 : null;
  return {
    id: 'search',
    engine,
    title: `Search as the archive grows (${opts.archiveSizes.map((size) => size.toLocaleString('en')).join(' → ')})`,
    target: `our p95 under ${TARGET_P95_MS} ms at ${opts.archiveSizes[opts.archiveSizes.length - 1].toLocaleString('en')} articles`,
    queries: QUERIES,
    cases,
    indexing,
    p95AtLargest: p95,
    pass: p95 !== null && p95 < TARGET_P95_MS,
  };
};

module.exports = { run, TARGET_P95_MS };
