/** Helpers of the response-cache tests: a private Redis, a second app process, readers and writers. */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, TestDatabase } from '../../harness/database';
import { applyTestEnv } from '../../harness/test-env';
import { freePort } from '../../harness/instance-process';

const appDir = path.resolve(__dirname, '..', '..', '..');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export const waitFor = async (
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
};

export interface PrivateRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  stop(): void;
}

/** A redis-server of the test's own on a free port, keeping nothing on disk, so 6379 stays untouched. */
export const privateRedis = async (): Promise<PrivateRedis> => {
  const port = await freePort();
  const ping = () => {
    try {
      return (
        execFileSync('redis-cli', ['-p', String(port), 'ping'], {
          stdio: ['ignore', 'pipe', 'ignore'],
        })
          .toString()
          .trim() === 'PONG'
      );
    } catch {
      return false;
    }
  };
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      execFileSync('redis-server', [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'yes',
        '--dir',
        '/tmp',
        '--logfile',
        '',
      ]);
      await waitFor(async () => ping(), 10_000, `redis on ${port}`);
    },
    stop() {
      try {
        execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
      } catch {
        // already stopped: redis-cli exits non-zero when the server closes the connection
      }
      for (let i = 0; i < 50 && ping(); i += 1) execFileSync('sleep', ['0.1']);
    },
  };
  await redis.start();
  return redis;
};

/** A PostgreSQL database of the test's own, whatever TEST_DB says (several instances need a shared server). */
export const privatePostgres = async (): Promise<TestDatabase> => {
  const saved = process.env.TEST_DB;
  process.env.TEST_DB = 'postgres';
  try {
    return await createTestDatabase();
  } finally {
    if (saved === undefined) delete process.env.TEST_DB;
    else process.env.TEST_DB = saved;
  }
};

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The compiled app (dist/, made by the jest globalSetup) in a process of its own, as `strapi start`
 * runs it (without the admin panel, whose build the tests do not make), until GET /_health answers 204.
 */
export const startAppProcess = async (
  env: Record<string, string>,
  timeoutMs = 60_000
): Promise<AppProcess> => {
  applyTestEnv();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', 'serve-api.js')], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
      APP_KEYS: process.env.APP_KEYS!,
      API_TOKEN_SALT: process.env.API_TOKEN_SALT!,
      ADMIN_JWT_SECRET: process.env.ADMIN_JWT_SECRET!,
      TRANSFER_TOKEN_SALT: process.env.TRANSFER_TOKEN_SALT!,
      JWT_SECRET: process.env.JWT_SECRET!,
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY!,
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`app process exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`app process not healthy after ${timeoutMs} ms:\n${log}`);
    }
    await sleep(200);
  }
  return {
    url,
    child,
    output: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
};

/** Titles of an answer's `data` (a list or one entry), for comparisons. */
export const titles = (body: { data?: unknown }): string[] => {
  const data = body?.data as Array<{ title?: string }> | { title?: string } | null | undefined;
  if (!data) return [];
  return (Array.isArray(data) ? data : [data]).map((entry) => entry.title ?? '');
};

/** What the app's counters say (in-process instances only). */
export const cacheStats = (strapi: Core.Strapi) =>
  strapi.plugin('response-cache').service('cache').stats() as Record<
    string,
    number | string | boolean | null
  >;
