'use strict';
/**
 * Builds our search index for rows the bulk loader wrote behind the app's back: the snapshot app is
 * booted headless on that database (in a process of its own, like `npm run search:rebuild`) and its
 * rebuild runs. Prints `{ documents, ms }` on stdout.
 *
 *   node bench/lib/search-index.js <appDir>      (database from DATABASE_*)
 */
const path = require('path');

const main = async () => {
  const appDir = process.argv[2];
  process.chdir(appDir);
  const { createStrapi } = require(path.join(appDir, 'node_modules', '@strapi', 'strapi'));
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    const started = Date.now();
    const documents = await strapi.plugin('persian-text').service('index').rebuild();
    return { documents, ms: Date.now() - started };
  } finally {
    await strapi.destroy().catch(() => undefined);
  }
};

if (require.main === module) {
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
}

/** Runs this script for `app` on `database` (from databases.js) and resolves with its result. */
const buildSearchIndex = (app, database) =>
  new Promise((resolve, reject) => {
    const { spawn } = require('child_process');
    const { childEnv } = require('./env');
    const child = spawn(process.execPath, [__filename, app.appDir], {
      env: childEnv({ ...database.env, LOG_LEVEL: 'error' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').pop()));
      else reject(new Error(`search index build failed (exit ${code}): ${err.slice(-2000)}`));
    });
  });

module.exports = { buildSearchIndex };
