#!/usr/bin/env node
/**
 * Entry of `npm run import -- <files, directories or globs> [options]` (see src/importer/README.md).
 * Compiles the server into dist/ first when it is missing or older than the sources (tsc only, a few
 * seconds; `--no-build` skips the check, `--build` forces it), then runs dist/src/importer/cli.js.
 * Everything but the importer's own report is sent to stderr, so `--dry-run` prints clean JSON on stdout.
 */
const path = require('path');
const { ensureCompiled } = require('./compile-server');

const appDir = path.resolve(__dirname, '..');
const entry = path.join(appDir, 'dist', 'src', 'importer', 'cli.js');

// Relative paths and globs are the user's: `npm run` changes to the package root but remembers INIT_CWD.
const cwd =
  process.env.npm_lifecycle_event === 'import' && process.env.INIT_CWD
    ? process.env.INIT_CWD
    : process.cwd();

const stdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

const main = async () => {
  const argv = process.argv.slice(2);
  if (!process.env.APP_KEYS) {
    // Like `npm start`: a fresh clone gets a .env with local secrets (its message goes to stderr).
    require('child_process').spawnSync(process.execPath, [path.join(__dirname, 'ensure-env.js')], {
      stdio: ['ignore', 2, 2],
    });
  }
  await ensureCompiled({
    appDir,
    entry,
    force: argv.includes('--build'),
    check: !argv.includes('--no-build'),
  });
  process.chdir(appDir); // Strapi reads .env from the working directory
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error';
  process.env.STRAPI_TELEMETRY_DISABLED = process.env.STRAPI_TELEMETRY_DISABLED || 'true';
  const { main: run } = require(entry);
  return run(argv, { stdout: (text) => stdout(text), stderr: process.stderr, cwd, appDir });
};

main().then(
  (code) => {
    process.exitCode = code;
    // Strapi's pools and timers can keep the event loop alive after destroy, so the process is ended
    // here, but only once standard output has taken the whole report: a pipe whose reader is slow still
    // holds part of it, and exiting then cut the JSON short.
    stdout('', () => process.exit(code));
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(2);
  }
);
