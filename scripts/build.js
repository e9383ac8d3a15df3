#!/usr/bin/env node
// `npm run build` (and `npm run demo`, and the browser tests): `strapi build` with NODE_ENV=production.
// Without it Strapi's CLI builds in development mode, and the admin ships React's development build,
// several times slower for editors.
// The workspace packages (src/persian, src/jalali, src/lib/save-pipeline, the four plugins) are built
// first: the app loads their dist/.
const { spawnSync } = require('child_process');
const path = require('path');

const appDir = path.join(__dirname, '..');
const strapi = path.join(
  path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [appDir] })),
  'bin',
  'strapi.js'
);
const packages = spawnSync(process.execPath, [path.join(__dirname, 'build-packages.js')], {
  stdio: 'inherit',
});
if (packages.status !== 0) process.exit(packages.status ?? 1);
const build = spawnSync(process.execPath, [strapi, 'build', ...process.argv.slice(2)], {
  cwd: appDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(build.status ?? 1);
