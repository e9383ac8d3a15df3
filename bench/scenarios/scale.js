'use strict';
/**
 * The scale scenario (issue #24, opt-in: `npm run bench -- --profile-name million`): every public read
 * path and the admin's article list at each archive size (1,000 → 100,000 → 1,000,000 stories by the
 * profile) on PostgreSQL, ours against plain Strapi in the same run, on databases kept between runs
 * (pishkhan_bench_million_{ours,plain} for a million, pishkhan_bench_scale_<size>_{ours,plain} below):
 * the seed story's whole shape, written in bulk (bench/lib/bulk.js), the same rows in both apps. Reports
 * p50/p95/p99 per path, the database size per story, the index sizes and the plans of the SQL each
 * server ran (EXPLAIN ANALYZE).
 */
const path = require('path');
const { archiveArticles, archiveOfficials, ARCHIVE_MONTH } = require('../lib/dataset');
const { keptDatabase, pgClient } = require('../lib/databases');
const { startServer } = require('../lib/server');
const { openBulk } = require('../lib/bulk');
const { explain, usesIndex } = require('../lib/plans');
const { request } = require('../lib/http');
const { httpCases, shortSql } = require('./common');
const { LIST } = require('./graphql');

/** Bumped whenever the rows written change: a kept database of another shape is made again. */
const SHAPE = 'story-v1';
const BATCH = 2000;
const IN_MONTH = 100;
const SEARCH_P95_MS = 50;
const ADMIN_P95_MS = 300;
const ARCHIVE_GROWTH = 1.25;
const ADMIN = { email: 'bench@example.com', password: 'Bench-Pass-1234' };

const databaseName = (size, app) => (size === 1000000 ? `million_${app}` : `scale_${size}_${app}`);

/** Loads `size` stories into the apps' fresh databases, both at once, a batch at a time. */
const load = async (ctx, { size, databases, persianSlug, indexKey }) => {
  const { opts, log } = ctx;
  const bulk = {};
  const ids = {};
  const officials = archiveOfficials({ seed: opts.seed });
  const names = Object.keys(databases);
  for (const name of names) {
    bulk[name] = await openBulk(databases[name]);
    ids[name] = {
      sectionIds: await bulk[name].sections((text) => persianSlug(text)),
      officialIds: await bulk[name].officials(officials),
      indexKey: name === 'ours' ? indexKey : null,
    };
  }
  for (const name of names) await bulk[name].dropIndexes();
  // Both apps' databases are fresh: their sections and officials got the same ids, so the story rows
  // written into the first (ours when fresh) are copied into the other as they are.
  const [first, ...others] = names;
  for (const name of others)
    if (
      JSON.stringify([ids[name].sectionIds, ids[name].officialIds]) !==
      JSON.stringify([ids[first].sectionIds, ids[first].officialIds])
    )
      throw new Error('scale: the two databases gave sections or officials different ids');
  const started = Date.now();
  let batch = [];
  let done = 0;
  // One batch is written while the next is generated (the database works in processes of its own).
  let writing = Promise.resolve();
  const flush = async () => {
    const rows = batch;
    batch = [];
    await writing;
    writing = bulk[first].stories(rows, ids[first]).then(() => {
      done += rows.length;
      if (done % 100000 === 0 || done === size)
        log(
          `    ${done.toLocaleString('en')} of ${size.toLocaleString('en')} stories written (${((Date.now() - started) / 1000).toFixed(0)} s)`
        );
    });
    // Awaited by the next flush or at the end; a failure meanwhile must not end the process unhandled.
    writing.catch(() => {});
  };
  try {
    for (const article of archiveArticles({
      seed: opts.seed,
      to: size,
      inMonth: IN_MONTH,
      officials,
    })) {
      batch.push({ article, slug: persianSlug(article.title) });
      if (batch.length === BATCH) await flush();
    }
    if (batch.length) await flush();
    await writing;
    const copying = Date.now();
    for (const name of others) await bulk[name].copyStoriesFrom(databases[first].url);
    const copyMs = Date.now() - copying;
    const finishing = Date.now();
    await Promise.all(names.map((name) => bulk[name].finish()));
    return {
      writeMs: copying - started,
      copyMs,
      analyzeMs: Date.now() - finishing,
    };
  } finally {
    for (const name of names) await bulk[name].close().catch(() => {});
  }
};

/** An admin JWT (the first admin is registered on a fresh database, then logged in). */
const adminToken = async (server) => {
  const json = { 'Content-Type': 'application/json' };
  await fetch(`${server.url}/admin/register-admin`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ firstname: 'Bench', lastname: 'Bench', ...ADMIN }),
  });
  const response = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(ADMIN),
  });
  const body = await response.json();
  if (!body.data?.token) throw new Error(`scale: admin login failed: ${JSON.stringify(body)}`);
  return body.data.token;
};

/** The database's size and its largest tables' indexes. */
const sizes = async (database, size) => {
  const client = await pgClient(database.url);
  try {
    const total = await client.query('SELECT pg_database_size(current_database()) AS bytes');
    const indexes = await client.query(
      `SELECT c.relname AS index, t.relname AS "table", pg_relation_size(c.oid) AS bytes
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relnamespace = 'public'::regnamespace ORDER BY pg_relation_size(c.oid) DESC LIMIT 25`
    );
    const tables = await client.query(
      `SELECT relname AS "table", pg_table_size(oid) AS bytes, pg_indexes_size(oid) AS "indexBytes"
       FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
       ORDER BY pg_total_relation_size(oid) DESC LIMIT 15`
    );
    const bytes = Number(total.rows[0].bytes);
    return {
      bytes,
      bytesPerStory: bytes / size,
      tables: tables.rows.map((row) => ({
        table: row.table,
        bytes: Number(row.bytes),
        indexBytes: Number(row.indexBytes),
      })),
      indexes: indexes.rows.map((row) => ({ ...row, bytes: Number(row.bytes) })),
    };
  } finally {
    await client.end();
  }
};

const post = (query, variables) => ({
  path: '/graphql',
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

const encode = (text) => encodeURIComponent(text);
const restList = (page) =>
  `/api/articles?locale=fa&sort=publishedOn:desc&pagination[page]=${page}&pagination[pageSize]=25&populate[section]=true`;
/** The same page as restList(page + 1), reached by our keyset cursor (src/lib/list-cursor.ts). */
const restCursorPage = (cursor) =>
  `/api/articles?locale=fa&sort=publishedOn:desc&pagination[pageSize]=25&populate[section]=true&cursor=${encode(cursor)}`;
/** The cursor after page `page` of restList, asked once, outside the timing. */
const cursorAfter = async (server, page) => {
  const { status, json } = await request(server.url + restList(page));
  const cursor = json?.meta?.pagination?.nextCursor;
  if (status !== 200 || typeof cursor !== 'string')
    throw new Error(`scale: no nextCursor after page ${page} (status ${status})`);
  return cursor;
};
const monthOurs = `/api/articles/archive/${ARCHIVE_MONTH.year}/${ARCHIVE_MONTH.month}?locale=fa&pagination[page]=1&pagination[pageSize]=25`;
const monthPlain =
  `/api/articles?locale=fa&filters[publishedOn][$gte]=${new Date(ARCHIVE_MONTH.start).toISOString()}` +
  `&filters[publishedOn][$lt]=${new Date(ARCHIVE_MONTH.end).toISOString()}&sort=publishedOn:desc` +
  `&pagination[page]=1&pagination[pageSize]=25`;
const searchOurs = (q) => `/api/search?q=${encode(q)}&locale=fa&pagination[pageSize]=10`;
const searchPlain = (q) =>
  `/api/articles?locale=fa&filters[$or][0][title][$containsi]=${encode(q)}` +
  `&filters[$or][1][lead][$containsi]=${encode(q)}&sort=publishedOn:desc&pagination[pageSize]=10`;
const adminList = (sort) =>
  `/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=${encode(sort)}&plugins[i18n][locale]=fa`;

/**
 * The cases at one size: [{ id, title, ours: [requests], plain: [requests], admin? }]. `sample`: stories
 * spread over the archive ({ documentId, slug, newsCode }); `page1000Cursor`: ours' cursor to page 1,000.
 */
const casesFor = (size, sample, page1000Cursor) => {
  const rare = String(Math.ceil(size / 2)); // the end of one title only (archiveArticles numbers them)
  const common = 'نماینده';
  const lookups = (pathOf) => sample.map((row) => ({ path: pathOf(row) }));
  const byId = lookups((row) => `/api/articles/${row.documentId}?locale=fa&populate[section]=true`);
  return [
    {
      id: 'search-common',
      title: `search, a common word («${common}»)`,
      ours: [{ path: searchOurs(common) }],
      plain: [{ path: searchPlain(common) }],
      target: SEARCH_P95_MS,
    },
    {
      id: 'search-rare',
      title: `search, a rare word (the number ${rare}, in one title)`,
      ours: [{ path: searchOurs(rare) }],
      plain: [{ path: searchPlain(rare) }],
      target: SEARCH_P95_MS,
    },
    {
      id: 'month',
      title: `month archive ${ARCHIVE_MONTH.year}/${ARCHIVE_MONTH.month} (${IN_MONTH} stories), page 1`,
      ours: [{ path: monthOurs }],
      plain: [{ path: monthPlain }],
    },
    {
      id: 'slug',
      title: `slug lookup (${sample.length} stories in turn; plain: findOne by documentId)`,
      ours: lookups(
        (row) => `/api/articles/slug/${encode(row.slug)}?locale=fa&populate[section]=true`
      ),
      plain: byId,
    },
    {
      id: 'news-code',
      title: `news-code lookup (${sample.length} stories in turn; plain: findOne by documentId)`,
      ours: lookups((row) => `/api/articles/code/${row.newsCode}?locale=fa&populate[section]=true`),
      plain: byId,
    },
    {
      id: 'rest-page-1',
      title: 'REST list by publishedOn desc, page 1 (25 a page)',
      ours: [{ path: restList(1) }],
      plain: [{ path: restList(1) }],
    },
    ...(size >= 25000
      ? [
          {
            id: 'rest-page-1000',
            title: 'REST list by publishedOn desc, page 1,000 (25 a page)',
            ours: [{ path: restList(1000) }],
            plain: [{ path: restList(1000) }],
          },
          {
            // Plain Strapi has no cursor: its page 1,000 is the offset one, as above.
            id: 'rest-page-1000-cursor',
            title: 'REST list by publishedOn desc, page 1,000 by cursor (plain: by offset)',
            ours: [{ path: restCursorPage(page1000Cursor) }],
            plain: [{ path: restList(1000) }],
          },
        ]
      : []),
    {
      id: 'graphql-list',
      title: 'GraphQL list, page 1 (25 a page, section and quotedOfficials)',
      ours: [post(LIST, { page: 1 })],
      plain: [post(LIST, { page: 1 })],
    },
    {
      id: 'admin-list',
      title: "admin's article list with its count (content manager, title ascending: its default)",
      ours: [{ path: adminList('title:ASC') }],
      plain: [{ path: adminList('title:ASC') }],
      admin: true,
      target: ADMIN_P95_MS,
    },
    {
      id: 'admin-list-newest',
      title: "admin's article list with its count, newest first (publishedOn descending)",
      ours: [{ path: adminList('publishedOn:DESC') }],
      plain: [{ path: adminList('publishedOn:DESC') }],
      admin: true,
      target: ADMIN_P95_MS,
    },
  ];
};

/**
 * Waits, before every measured or warm-up run, until neither app's database runs a statement. A warm-up
 * is timed: it stops with requests in flight, and plain Strapi's searches at a million stories (parallel
 * sequential scans of 15–20 s, several passes of four) went on in PostgreSQL through our app's runs
 * after it. What is still running after a few seconds is cancelled (the abandoned request gets an error
 * nobody reads); `cancelled` counts them for the report.
 */
const settler = (client, names) => {
  const state = { cancelled: 0 };
  const active = async () =>
    (
      await client.query(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = ANY($1) AND state = 'active' AND pid <> pg_backend_pid()`,
        [names]
      )
    ).rows.map((row) => row.pid);
  const idle = async (ms) => {
    for (const started = Date.now(); Date.now() - started < ms; ) {
      if ((await active()).length === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  };
  const settle = async () => {
    if (await idle(5000)) return;
    const pids = await active();
    await client.query('SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
    state.cancelled += pids.length;
    if (!(await idle(30000))) throw new Error('scale: the databases did not settle after a cancel');
  };
  return { settle, state };
};

/** The articles and search statements of one request, with their plans. */
const planOf = async (server, database, requestSpec) => {
  const { result, queries } = await server.captureSql((marker) =>
    request(server.url + requestSpec.path, {
      method: requestSpec.method,
      body: requestSpec.body,
      headers: { ...requestSpec.headers, ...marker },
    })
  );
  const statements = queries.filter(
    (query) =>
      query.method &&
      /^(select|first|raw|count)$/.test(query.method) &&
      /(articles|persian_search|persian_slug|list_counts)/.test(query.sql) &&
      /^\s*(select|with)/i.test(query.sql)
  );
  // Our search plans with sequential scans priced out (SET LOCAL in its transaction): so do its EXPLAINs.
  const settings = queries
    .filter((query) => /^\s*set local /i.test(query.sql))
    .map((query) => query.sql);
  const explained = await explain(database, statements, [...new Set(settings)]);
  return {
    status: result.status,
    total: result.json?.meta?.pagination?.total ?? result.json?.pagination?.total ?? null,
    // Our search stops counting past its cap and says so (totalExact: false).
    totalExact: result.json?.meta?.pagination?.totalExact ?? null,
    queries: explained.map((item) => ({
      sql: shortSql(item.sql),
      plan: item.plan,
      ms: Number((item.plan.join('\n').match(/Execution Time: ([0-9.]+) ms/) || [])[1]) || null,
      usesIndex: usesIndex('postgres', item.plan),
    })),
  };
};

/**
 * Our app's maintained list counts (src/bootstrap/list-counters.ts) against the rows: its triggers count
 * the bulk load's inserts (the server made them before the load), and a database loaded before them was
 * recounted when the server started. The lists' totals are read from these counts.
 */
const checkListCounts = async (database) => {
  const client = await pgClient(database.url);
  try {
    const { rows } = await client.query(
      `SELECT locale, published, coalesce(r.n, 0) AS rows, coalesce(k.n, 0) AS kept
       FROM (SELECT coalesce(locale, '') AS locale, published_at IS NOT NULL AS published, count(*) AS n
             FROM articles GROUP BY 1, 2) r
       FULL JOIN (SELECT locale, published, sum(delta) AS n FROM list_counts
                  WHERE content_type = 'api::article.article' GROUP BY 1, 2) k USING (locale, published)
       WHERE coalesce(r.n, 0) <> coalesce(k.n, 0)`
    );
    if (rows.length)
      throw new Error(`scale: list counts differ from the rows: ${JSON.stringify(rows)}`);
  } finally {
    await client.end();
  }
};

/** How many published stories the index really matches (the total a search must not misstate). */
const trueTotal = async (database, term, indexKey) => {
  const client = await pgClient(database.url);
  try {
    const { rows } = await client.query(
      `SELECT count(*) AS n FROM persian_search WHERE locale = 'fa' AND anywhere @@ to_tsquery('simple', $1)`,
      [indexKey(term).split(/\s+/).join(' & ')]
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
};

const run = async (ctx, { engine, sizes: archiveSizes }) => {
  const { opts, apps, log, workDir } = ctx;
  if (engine !== 'postgres') throw new Error('scale: PostgreSQL only (--db postgres)');
  const core = (plugin) => require(path.join(apps.ours.distDir, 'src', 'plugins', plugin, 'core'));
  const { persianSlug } = core('persian-slug');
  const { indexKey } = core('persian-text');
  const records = [];
  const sizeRecords = [];
  for (const size of archiveSizes) {
    const marker = { seed: opts.seed, size, shape: SHAPE, inMonth: IN_MONTH };
    const databases = {};
    const servers = {};
    try {
      for (const name of ['ours', 'plain'])
        databases[name] = await keptDatabase({ name: databaseName(size, name), marker });
      const startAll = async () => {
        for (const name of ['ours', 'plain'])
          servers[name] = await startServer({
            app: apps[name],
            env: databases[name].env,
            logDir: path.join(workDir, 'logs'),
            label: `${name}-scale-${size}`,
            timeoutMs: 600000,
          });
      };
      await startAll();
      let loading = null;
      const fresh = Object.fromEntries(
        Object.entries(databases).filter(([, database]) => !database.reused)
      );
      if (Object.keys(fresh).length) {
        log(
          `  ${size.toLocaleString('en')} stories: writing ${Object.keys(fresh).join(' and ')} (${Object.values(
            fresh
          )
            .map((database) => database.name)
            .join(', ')})`
        );
        loading = await load(ctx, { size, databases: fresh, persianSlug, indexKey });
        for (const database of Object.values(fresh)) await database.markLoaded();
        log(
          `  written in ${(loading.writeMs / 1000).toFixed(0)} s (${Math.round((size * 1000) / loading.writeMs)} stories/s), copied into the other app in ${(loading.copyMs / 1000).toFixed(0)} s, indexed and analysed in ${(loading.analyzeMs / 1000).toFixed(0)} s`
        );
      } else log(`  ${size.toLocaleString('en')} stories: reusing the kept databases`);
      await checkListCounts(databases.ours);
      if (opts.prepareOnly) continue;

      const tokens = {};
      for (const name of ['ours', 'plain']) tokens[name] = await adminToken(servers[name]);
      const sampleClient = await pgClient(databases.ours.url);
      let sample;
      try {
        // Twenty stories spread evenly over the archive, by news code.
        const codes = Array.from({ length: 20 }, (_, i) => 1 + Math.floor((i * size) / 20));
        const { rows } = await sampleClient.query(
          `SELECT document_id AS "documentId", slug, news_code AS "newsCode" FROM articles
           WHERE news_code = ANY($1) AND published_at IS NOT NULL ORDER BY news_code`,
          [codes]
        );
        sample = rows;
      } finally {
        await sampleClient.end();
      }
      const storage = {
        ours: await sizes(databases.ours, size),
        plain: await sizes(databases.plain, size),
      };
      const totals = {};
      for (const term of ['نماینده', String(Math.ceil(size / 2))])
        totals[term] = await trueTotal(databases.ours, term, indexKey);
      sizeRecords.push({ size, loading, reused: !loading, storage, totals });
      log(
        `  database per story: ours ${(storage.ours.bytesPerStory / 1024).toFixed(1)} KiB, plain ${(storage.plain.bytesPerStory / 1024).toFixed(1)} KiB`
      );

      const page1000Cursor = size >= 25000 ? await cursorAfter(servers.ours, 999) : null;
      const activity = await pgClient(databases.ours.url);
      const { settle, state: settled } = settler(activity, [
        databases.ours.name,
        databases.plain.name,
      ]);
      for (const spec of casesFor(size, sample, page1000Cursor)) {
        const cancelledBefore = settled.cancelled;
        const withAuth = (name, list) =>
          spec.admin
            ? list.map((item) => ({
                ...item,
                headers: { ...item.headers, Authorization: `Bearer ${tokens[name]}` },
              }))
            : list;
        const requests = {
          ours: withAuth('ours', spec.ours),
          plain: withAuth('plain', spec.plain),
        };
        const plans = {};
        for (const name of ['ours', 'plain'])
          plans[name] = await planOf(servers[name], databases[name], requests[name][0]);
        const measured = await httpCases(ctx, {
          title: `${spec.title} among ${size.toLocaleString('en')}`,
          targets: ['ours', 'plain'].map((name) => ({
            key: name,
            server: servers[name],
            requests: requests[name],
          })),
          baselineKey: 'plain',
          cases: [{ id: `${spec.id}-${size}`, title: spec.title, key: 'ours' }],
          settle,
        });
        const record = measured[0];
        record.cancelledLeftovers = settled.cancelled - cancelledBefore;
        record.size = size;
        record.path = spec.id;
        record.plans = plans;
        record.targetMs = spec.target ?? null;
        records.push(record);
        const s = record.summaries;
        log(
          `    ${spec.id}: ours p50/p95/p99 ${s.ours.median.toFixed(1)}/${s.ours.p95.toFixed(1)}/${s.ours.p99.toFixed(1)} ms, plain ${s.plain.median.toFixed(1)}/${s.plain.p95.toFixed(1)}/${s.plain.p99.toFixed(1)} ms` +
            (plans.ours.total != null
              ? `; totals ours ${plans.ours.total}, plain ${plans.plain.total}`
              : '') +
            (record.cancelledLeftovers
              ? `; ${record.cancelledLeftovers} leftover statements cancelled`
              : '')
        );
      }
      await activity.end();
    } finally {
      for (const server of Object.values(servers)) await server.stop().catch(() => {});
    }
  }
  const at = (id, size) => records.find((record) => record.path === id && record.size === size);
  const largest = archiveSizes[archiveSizes.length - 1];
  const smallest = archiveSizes[0];
  const p95 = (id, size) => at(id, size)?.summaries.ours.p95 ?? null;
  const checks = [
    ...['search-common', 'search-rare'].map((id) => ({
      what: `${id} p95 under ${SEARCH_P95_MS} ms at ${largest.toLocaleString('en')}`,
      value: p95(id, largest),
      pass: p95(id, largest) !== null && p95(id, largest) < SEARCH_P95_MS,
    })),
    {
      what: `month archive p95 at ${largest.toLocaleString('en')} within ×${ARCHIVE_GROWTH} of ${smallest.toLocaleString('en')}`,
      value: p95('month', largest) / p95('month', smallest),
      pass: p95('month', largest) / p95('month', smallest) <= ARCHIVE_GROWTH,
    },
    ...['admin-list', 'admin-list-newest'].map((id) => ({
      what: `${id} p95 under ${ADMIN_P95_MS} ms at ${largest.toLocaleString('en')}`,
      value: p95(id, largest),
      pass: p95(id, largest) !== null && p95(id, largest) < ADMIN_P95_MS,
    })),
  ];
  return {
    id: 'scale',
    engine,
    title: `Every read path and the admin list at ${archiveSizes.map((size) => size.toLocaleString('en')).join(' → ')} stories`,
    target: `search p95 < ${SEARCH_P95_MS} ms, month archive within ×${ARCHIVE_GROWTH}, admin list p95 < ${ADMIN_P95_MS} ms at the largest size`,
    cases: records,
    sizes: sizeRecords,
    checks,
    pass: checks.every((check) => check.pass),
  };
};

module.exports = { run, SHAPE, databaseName };
