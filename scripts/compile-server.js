/**
 * The compiled server (dist/) that the headless commands boot (`npm run import`, benchmarks): compiled
 * when it is missing or older than the sources (tsc only, a few seconds), or when `force`.
 */
const fs = require('fs');
const path = require('path');

const newest = (dir, skip) => {
  let latest = 0;
  const walk = (current) => {
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const item of entries) {
      const full = path.join(current, item.name);
      if (item.isDirectory()) {
        if (!skip(full)) walk(full);
      } else if (/\.(ts|js|json)$/.test(item.name) && !item.name.endsWith('.d.ts')) {
        latest = Math.max(latest, fs.statSync(full).mtimeMs);
      }
    }
  };
  walk(dir);
  return latest;
};

const isStale = (appDir) => {
  const skipSources = (dir) => /[\\/](admin|node_modules)$/.test(dir);
  const sources = Math.max(
    newest(path.join(appDir, 'src'), skipSources),
    newest(path.join(appDir, 'config'), () => false)
  );
  const compiled = Math.max(
    newest(path.join(appDir, 'dist', 'src'), () => false),
    newest(path.join(appDir, 'dist', 'config'), () => false)
  );
  return sources > compiled;
};

/** `entry`: a file of dist/ that must exist; `check: false` skips the staleness check (not a missing dist/). */
const ensureCompiled = async ({ appDir, entry, force = false, check = true }) => {
  if (!force && fs.existsSync(entry) && (!check || !isStale(appDir))) return false;
  process.stderr.write('Compiling the server into dist/ …\n');
  const { compileStrapi } = require('@strapi/strapi');
  // The plugins load their packages' dist/, built apart from the app's.
  await require('./build-packages').buildPackages({ declarations: false });
  await compileStrapi({ appDir, ignoreDiagnostics: false });
  return true;
};

module.exports = { ensureCompiled };
