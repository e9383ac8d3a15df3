import { spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { applyTestEnv } from '../../harness/test-env';

/**
 * A plugin config with a bad value stops the app's start, naming the plugin, the field and the problem.
 * In a process of its own: a Strapi that failed to load is not one a test process can go on with.
 */
const appDir = path.resolve(__dirname, '..', '..', '..');
const LOAD = `require('@strapi/strapi').createStrapi({ appDir: process.cwd(), distDir: 'dist', autoReload: false, serveAdminPanel: false })
  .load().then(() => { console.error('started'); process.exit(0); }, (error) => { console.error(error.message); process.exit(1); });`;

const start = (env: Record<string, string>): Promise<{ code: number | null; output: string }> => {
  applyTestEnv();
  const dir = mkdtempSync(path.join(tmpdir(), 'pishkhan-config-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', LOAD], {
      cwd: appDir,
      env: {
        ...process.env,
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(dir, 'data.db'),
        SEED_DEMO: 'false',
        ...env,
      },
    });
    let output = '';
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
};

it('a footer mode that is not one of the two stops the start with the field named', async () => {
  const { code, output } = await start({ FOOTER_MODE: 'sometimes' });
  expect(code).toBe(1);
  expect(output).toMatch(
    /footer-policy config: footer-policy: invalid config in config\/plugins\.ts \(mode: Invalid enum value\. Expected 'standard' \| 'none', received 'sometimes'\)/
  );
}, 120_000);
