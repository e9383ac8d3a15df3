'use strict';
/**
 * Child process: boots one app in-process (`createStrapi(...).load()`) on its database and creates the
 * main data set through that app's Document Service, published, in the `fa` locale, the way an editor's
 * writes would go (so our app's slugs, news codes, footers, search index and quoted officials are made by
 * its own plugins). Usage: node load-docs.js <job.json>; writes job.outFile.
 *
 * The plain app is given what our plugins would have made (slugs by the same rule, news codes in
 * creation order) so both serve the same fields.
 */
const fs = require('fs');
const path = require('path');
const { generateMain } = require('./dataset');

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
Object.assign(process.env, job.env);

const mapLimit = async (items, limit, fn) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

const main = async () => {
  const { createStrapi } = require(path.join(job.appDir, 'node_modules', '@strapi', 'strapi'));
  const { persianSlug } = require(path.join(job.ourDist, 'src', 'plugins', 'persian-slug', 'core'));
  const plain = job.app === 'plain';
  const data = generateMain(job.dataset);

  const bootStarted = Date.now();
  const strapi = await createStrapi({
    appDir: job.appDir,
    distDir: job.distDir,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  const bootMs = Date.now() - bootStarted;
  const docs = (uid) => strapi.documents(uid);
  const timings = { bootMs };

  // Slugs as our plugin makes them: the first free of base, base-2, … per type and locale.
  const taken = new Map();
  const slugFor = (uid, text) => {
    const used = taken.get(uid) ?? new Set();
    taken.set(uid, used);
    const base = persianSlug(text);
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };

  let started = Date.now();
  const sectionIds = new Map();
  for (const section of data.sections) {
    const created = await docs('api::section.section').create({
      locale: 'fa',
      status: 'published',
      data: {
        name: section.name,
        description: section.description,
        footerMode: section.footerMode,
        footerText: section.footerText,
        parent: section.parent ? sectionIds.get(section.parent) : undefined,
        ...(plain ? { slug: slugFor('section', section.name) } : {}),
      },
    });
    sectionIds.set(section.key, created.documentId);
  }
  timings.sectionsMs = Date.now() - started;

  started = Date.now();
  const officialIds = new Map();
  await mapLimit(data.officials, job.concurrency, async (official) => {
    const created = await docs('api::official.official').create({
      locale: 'fa',
      status: 'published',
      data: {
        fullName: official.fullName,
        aliases: official.aliases,
        role: official.role,
        organization: official.organization,
        bio: official.bio,
        ...(plain ? { slug: slugFor('official', official.fullName) } : {}),
      },
    });
    officialIds.set(official.key, created.documentId);
  });
  timings.officialsMs = Date.now() - started;

  // Plain slugs and codes are assigned in data-set order before the (possibly concurrent) creates.
  const plainExtras = plain
    ? data.articles.map((article, index) => ({
        slug: slugFor('article', article.title),
        newsCode: index + 1,
      }))
    : [];

  started = Date.now();
  let done = 0;
  const progressEvery = Math.max(1, Math.floor(data.articles.length / 10));
  await mapLimit(data.articles, job.concurrency, async (article, index) => {
    const body = article.body.map((block) =>
      block.type === 'quote'
        ? {
            __component: 'article.quote',
            text: block.text,
            role: block.role,
            official: officialIds.get(block.officialKey),
          }
        : { __component: `article.${block.type}`, text: block.text }
    );
    await docs('api::article.article').create({
      locale: 'fa',
      status: 'published',
      data: {
        title: article.title,
        kicker: article.kicker,
        lead: article.lead,
        body,
        section: sectionIds.get(article.sectionKey),
        quotedOfficials: article.officialKeys.map((key) => officialIds.get(key)),
        author: article.author,
        reporterCode: article.reporterCode,
        source: article.source,
        sourceUrl: article.sourceUrl,
        publishedOn: article.publishedOn,
        ...(plain ? plainExtras[index] : {}),
      },
    });
    done += 1;
    if (done % progressEvery === 0 && process.send)
      process.send({ progress: done, total: data.articles.length });
  });
  timings.articlesMs = Date.now() - started;

  // What the lookup scenarios need: published fa articles with their ids, slugs and codes.
  const sample = await strapi.db.query('api::article.article').findMany({
    where: { publishedAt: { $notNull: true }, locale: 'fa' },
    select: ['documentId', 'slug', 'newsCode', 'title'],
    orderBy: { id: 'asc' },
    limit: job.sampleSize ?? 200,
  });
  const counts = {
    articles: await strapi.db
      .query('api::article.article')
      .count({ where: { publishedAt: { $notNull: true } } }),
    sections: await strapi.db
      .query('api::section.section')
      .count({ where: { publishedAt: { $notNull: true } } }),
    officials: await strapi.db
      .query('api::official.official')
      .count({ where: { publishedAt: { $notNull: true } } }),
  };
  fs.writeFileSync(
    job.outFile,
    JSON.stringify({
      app: job.app,
      timings,
      counts,
      articlesPerSecond: data.articles.length / (timings.articlesMs / 1000),
      sample,
    })
  );
  // Everything is written and committed. Strapi's destroy may abort a pool acquire still queued by a
  // background task (seen on PostgreSQL: tarn "aborted"); that must not fail a finished load.
  finished = true;
  await strapi.destroy().catch(() => {});
};

let finished = false;
process.on('unhandledRejection', (error) => {
  if (finished) return;
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error && error.stack ? error.stack : error);
    if (error && error.details) console.error(JSON.stringify(error.details));
    process.exit(1);
  }
);
