#!/usr/bin/env node
// Builds the workspace packages (the shared Persian and Jalali rules, the save pipeline, the four
// plugins) into each package's own dist/, in dependency order: what `npm pack` ships and what the app
// loads. esbuild bundles each entry with every package import left external (as @strapi/sdk-plugin's
// output is laid out: dist/server/index.js, dist/admin/index.mjs); tsc writes the libraries' declarations.
// Types are checked by `npm run typecheck`, not here. `--js-only` skips the declarations (the API tests'
// setup); `--pack DIR` then packs every package into DIR.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');

/** Libraries first: the plugins import them by package name. */
const LIBRARIES = ['src/persian', 'src/jalali', 'src/lib/save-pipeline'];
const PLUGINS = [
  'src/plugins/jalali-date',
  'src/plugins/persian-slug',
  'src/plugins/footer-policy',
  'src/plugins/persian-text',
];
const PACKAGES = [...LIBRARIES, ...PLUGINS];

const common = {
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * A framework-free entry (a library, or a plugin's `core/`) as CommonJS and ESM, with its declarations
 * from the tsconfig.build.json beside it.
 */
const buildPure = async (pkg, entry, outDir, { declarations }) => {
  await esbuild.build({
    ...common,
    entryPoints: [entry],
    format: 'cjs',
    outfile: path.join(outDir, 'index.js'),
  });
  // The ESM copy is for the admin's bundler (vite), which the plugins' admin code goes through.
  await esbuild.build({
    ...common,
    entryPoints: [entry],
    format: 'esm',
    platform: 'neutral',
    outfile: path.join(outDir, 'index.mjs'),
  });
  if (!declarations) return;
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(pkg, 'tsconfig.build.json')],
    { stdio: 'inherit' }
  );
};

const buildLibrary = (dir, options) => {
  const pkg = path.join(root, dir);
  return buildPure(pkg, path.join(pkg, 'index.ts'), path.join(pkg, 'dist'), options);
};

const buildPlugin = async (dir, options) => {
  const pkg = path.join(root, dir);
  // The pure core is a public entry of its own (`<package>/core`): the importer parses stories with
  // footer-policy's detection without Strapi.
  const core = path.join(pkg, 'core/index.ts');
  if (fs.existsSync(core)) await buildPure(pkg, core, path.join(pkg, 'dist/core'), options);
  await esbuild.build({
    ...common,
    entryPoints: [path.join(pkg, 'server/index.ts')],
    format: 'cjs',
    outfile: path.join(pkg, 'dist/server/index.js'),
  });
  const admin = path.join(pkg, 'admin/src/index.tsx');
  if (fs.existsSync(admin)) {
    await esbuild.build({
      ...common,
      entryPoints: [admin],
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      jsx: 'automatic',
      outfile: path.join(pkg, 'dist/admin/index.mjs'),
    });
  }
};

const pack = (destination) => {
  fs.mkdirSync(destination, { recursive: true });
  // One npm for every workspace: npm's start-up is most of a pack's time.
  const workspaces = PACKAGES.flatMap((dir) => ['--workspace', dir]);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', destination, ...workspaces], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
};

const buildPackages = async ({ declarations = true } = {}) => {
  for (const dir of PACKAGES) {
    if (declarations) fs.rmSync(path.join(root, dir, 'dist'), { recursive: true, force: true });
    await (LIBRARIES.includes(dir) ? buildLibrary : buildPlugin)(dir, { declarations });
  }
};

module.exports = { buildPackages, PACKAGES };

if (require.main === module) {
  const packAt = process.argv.indexOf('--pack');
  buildPackages({ declarations: !process.argv.includes('--js-only') })
    .then(() => {
      if (packAt !== -1) pack(path.resolve(root, process.argv[packAt + 1] ?? '.tmp/packages'));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
