/**
 * Starts the built app with `strapi start` on a temporary SQLite database and a free port, with the demo
 * content and the test secrets, and stops it again. Used by the e2e globalSetup and by hand:
 *   node tests/e2e/harness/server.js        (prints the URL, Ctrl-C stops it)
 */
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..', '..');
const strapiBin = path.join(
  path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [appDir] })),
  'bin',
  'strapi.js'
);

const TEST_ENV = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  BROWSER: 'none',
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
  FLAG_NPS: 'false',
  FLAG_PROMOTE_EE: 'false',
  SEED_DEMO: 'true',
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const waitForHealth = async (url, child, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204 || response.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`Strapi did not answer ${url}/_health within ${timeoutMs} ms`);
};

/** @returns {Promise<{ url: string, pid: number, dir: string, logFile: string, stop(): Promise<void> }>} */
const startServer = async ({ timeoutMs = 90000 } = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishkhan-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, 'strapi.log');
  const log = fs.openSync(logFile, 'a');
  const env = {
    ...process.env,
    ...TEST_ENV,
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    // Every test file logs the same editor in (by the page and by the API): more than Strapi's 5 in 5 minutes.
    ADMIN_RATE_LIMIT_MAX: '100',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: appDir,
    env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
    if (!process.env.E2E_KEEP_DATA) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, timeoutMs);
  } catch (error) {
    const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '';
    await stop();
    throw new Error(`${error.message}\n--- strapi log ---\n${output}`);
  }
  return { url, pid: child.pid, dir, logFile, stop };
};

module.exports = { startServer, TEST_ENV, appDir };

if (require.main === module) {
  startServer()
    .then((server) => {
      console.log(`Strapi on ${server.url} (pid ${server.pid}, data in ${server.dir})`);
      const shutdown = () => server.stop().then(() => process.exit(0));
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
