#!/usr/bin/env node
/**
 * `npm run test:e2e`: builds the app when its build is missing or older than the sources, then runs the
 * browser tests with jest (tests/e2e/jest.config.js), whose globalSetup starts `strapi start` on a
 * temporary SQLite database and a free port and whose globalTeardown stops it. Extra arguments go to
 * jest, e.g. `npm run test:e2e -- --json --outputFile=test-results/e2e.json`. Exits with jest's code.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
const at = (...parts) => path.join(appDir, ...parts);

/**
 * Newest modification time under `dir` among files accepted by `keep`, or 0. `keep` sees paths relative
 * to the app, so a checkout under a folder named like one of ours (…/admin/…) filters the same.
 */
const newest = (dir, keep = () => true) => {
  if (!fs.existsSync(dir)) return 0;
  const stat = fs.statSync(dir);
  if (!stat.isDirectory()) return keep(path.relative(appDir, dir)) ? stat.mtimeMs : 0;
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.'))
      continue;
    latest = Math.max(latest, newest(path.join(dir, entry.name), keep));
  }
  return latest;
};

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/** Why the build must be redone, or null when dist/ is up to date. */
const staleBecause = () => {
  const adminBuilt = mtime(at('dist', 'build', 'index.html'));
  const serverBuilt = mtime(at('dist', 'src', 'index.js'));
  if (!adminBuilt) return 'the admin has not been built (dist/build is missing)';
  if (!serverBuilt) return 'the server has not been compiled (dist/src is missing)';
  const adminSources = Math.max(
    newest(at('src', 'admin')),
    newest(
      at('src', 'plugins'),
      (file) => !file.includes(`${path.sep}server${path.sep}`) && !file.endsWith('strapi-server.js')
    ),
    newest(at('src', 'persian')),
    mtime(at('config', 'plugins.ts')),
    mtime(at('package.json')),
    mtime(at('package-lock.json'))
  );
  if (adminSources > adminBuilt) return 'admin sources changed since the last build';
  const serverSources = Math.max(
    newest(
      at('src'),
      (file) => file.endsWith('.ts') && !file.includes(`${path.sep}admin${path.sep}`)
    ),
    newest(at('src'), (file) => file.endsWith('.json')),
    newest(at('config'))
  );
  if (serverSources > serverBuilt) return 'server sources changed since the last build';
  return null;
};

const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: appDir, stdio: 'inherit', env: { ...process.env, ...env } });

const reason = process.env.E2E_SKIP_BUILD ? null : staleBecause();
if (reason) {
  console.log(`Building the app first: ${reason}.`);
  // Built by the script `npm run build` and `npm run demo` run, so the tests see the admin they serve.
  const build = run(process.execPath, [at('scripts', 'build.js')], {
    STRAPI_TELEMETRY_DISABLED: 'true',
  });
  if (build.status !== 0) {
    console.error('strapi build failed; the browser tests were not run.');
    process.exit(build.status ?? 1);
  }
}

const jest = run(process.execPath, [
  require.resolve('jest/bin/jest', { paths: [appDir] }),
  '--config',
  at('tests', 'e2e', 'jest.config.js'),
  '--runInBand',
  ...process.argv.slice(2),
]);
process.exit(jest.status ?? 1);
