import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');

export interface InstalledHostApp {
  dir: string;
  /** The packages' tarballs as `npm pack` wrote them. */
  tarballs: string[];
  remove(): void;
}

/**
 * The blog of ./app in a temporary folder with the workspace packages installed from their packed
 * tarballs. Every other package is the app's own node_modules, hard-linked (no download, seconds): only
 * `@pishkhan/*` is replaced, by each tarball's files extracted where `npm install <tgz>` puts them.
 */
export const installHostApp = (): InstalledHostApp => {
  // Under the repository's ignored .tmp/, on the same file system as node_modules, for the hard links.
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const work = fs.mkdtempSync(path.join(root, '.tmp', 'host-app-'));
  const packs = path.join(work, 'packs');
  execFileSync(process.execPath, [path.join(root, 'scripts/build-packages.js'), '--pack', packs], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarballs = fs
    .readdirSync(packs)
    .filter((name) => name.endsWith('.tgz'))
    .map((name) => path.join(packs, name));

  const dir = path.join(work, 'app');
  fs.cpSync(path.join(__dirname, 'app'), dir, { recursive: true });
  // Strapi's local upload provider refuses to start without its folder.
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  const modules = path.join(dir, 'node_modules');
  // The folder itself, never a link to it: the copy's @pishkhan/ is replaced below.
  const rootModules = fs.realpathSync(path.join(root, 'node_modules'));
  try {
    execFileSync('cp', ['-al', rootModules, modules]);
  } catch {
    // node_modules on another file system: a plain copy, slower.
    fs.rmSync(modules, { recursive: true, force: true });
    execFileSync('cp', ['-a', rootModules, modules]);
  }
  // The root's @pishkhan/* are links to the workspace sources: the blog gets the tarballs instead.
  fs.rmSync(path.join(modules, '@pishkhan'), { recursive: true, force: true });
  fs.rmSync(path.join(modules, '.package-lock.json'), { force: true });
  for (const tarball of tarballs) {
    const unpacked = fs.mkdtempSync(path.join(work, 'unpack-'));
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const from = path.join(unpacked, 'package');
    const { name } = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
    fs.mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    fs.renameSync(from, path.join(modules, name));
  }
  return { dir, tarballs, remove: () => fs.rmSync(work, { recursive: true, force: true }) };
};
