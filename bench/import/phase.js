#!/usr/bin/env node
'use strict';
/**
 * One measured phase of the import benchmark, in a process of its own on a fresh database (the
 * DATABASE_* variables are set by run.js): Strapi is booted headless from dist/ with the demo content,
 * the archive's officials are created, then
 *
 * - `--phase baseline`: every story is parsed and mapped beforehand (not timed), and a plain loop of
 *   `strapi.documents('api::article.article').create()` writes them: the reference.
 * - `--phase import`: the importer as `npm run import` runs it (read a hundred files, parse, match
 *   officials, find by import key, write the new stories together), then the same files again (every
 *   one skipped).
 * - `--phase officials`: only the officials (scale.js then runs the real command line on the database).
 *
 * Prints one JSON line with the timings on stdout.
 */
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
const dist = (module) => require(path.join(appDir, 'dist', 'src', 'importer', module));

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};

/**
 * Wall time, and the CPU time of this process (Strapi, the importer and, for SQLite, the database
 * engine itself): on a busy machine the CPU figure still tells what one core does.
 */
const start = () => {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return {
      seconds: Number(process.hrtime.bigint() - wall) / 1e9,
      cpuSeconds: (used.user + used.system) / 1e6,
    };
  };
};

const main = async () => {
  const phase = arg('phase');
  const dir = arg('dir');
  const publish = process.argv.includes('--publish');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(dir, name));

  process.chdir(appDir);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  const result = { phase, engine: strapi.db.dialect.client, count: files.length, publish };
  try {
    const { officials } = require('./generate');
    for (const official of officials()) {
      await strapi
        .documents('api::official.official')
        .create({ locale: 'fa', status: 'published', data: official });
    }

    if (phase === 'baseline') {
      const { parseArchiveFile } = dist('core');
      const { articleData } = dist('mapping');
      const { importKeyOf } = dist('importer');
      const rows = await strapi.db
        .query('api::official.official')
        .findMany({ where: { locale: 'fa', publishedAt: null } });
      const known = rows.map((row) => ({
        fullName: row.fullName,
        aliases: row.aliases ?? [],
        role: row.role ?? undefined,
      }));
      const ids = new Map(rows.map((row) => [row.fullName, row.documentId]));
      const data = files.map((file) => {
        const parsed = parseArchiveFile(fs.readFileSync(file), { officials: known });
        if (!parsed.ok) throw new Error(`${file}: ${parsed.error.code}`);
        return articleData(parsed.article, ids, importKeyOf(parsed.article), null);
      });
      const clock = start();
      for (const item of data) {
        await strapi
          .documents('api::article.article')
          .create({ locale: 'fa', ...(publish ? { status: 'published' } : {}), data: item });
      }
      Object.assign(result, clock());
    } else if (phase === 'import') {
      const { ArchiveImporter } = dist('importer');
      const { readInput } = dist('files');
      const pass = async () => {
        const clock = start();
        const importer = await ArchiveImporter.open(strapi, { publish });
        // A hundred files at a time, as the command line hands them over, the next batch parsed while
        // this one is written.
        const read = (start) =>
          Promise.all(
            files.slice(start, start + 100).map((file) => readInput(file, path.basename(file)))
          );
        let batch = await read(0);
        let parsed = importer.parseFiles(batch);
        for (let start = 0; start < files.length; start += 100) {
          const writing = importer.importFiles(batch, parsed);
          batch = await read(start + 100);
          parsed = importer.parseFiles(batch);
          await writing;
        }
        return { ...clock(), summary: importer.summary };
      };
      const first = await pass();
      const again = await pass();
      Object.assign(result, {
        seconds: first.seconds,
        cpuSeconds: first.cpuSeconds,
        summary: first.summary,
        rerunSeconds: again.seconds,
        rerunCpuSeconds: again.cpuSeconds,
        rerunSummary: again.summary,
      });
    } else if (phase !== 'officials') {
      throw new Error(`unknown phase ${phase}`);
    }
    result.articles = await strapi.db
      .query('api::article.article')
      .count({ where: { locale: 'fa', publishedAt: null } });
  } finally {
    // Strapi's post-commit event queries would otherwise be aborted by destroy (an unhandled 'aborted').
    await require(path.join(appDir, 'dist', 'src', 'lib', 'idle-database')).waitForIdleDatabase(
      strapi
    );
    await strapi.destroy().catch(() => undefined);
  }
  return result;
};

const stdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);
main().then(
  (result) => {
    stdout(`${JSON.stringify(result)}\n`);
    setImmediate(() => process.exit(0));
  },
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  }
);
