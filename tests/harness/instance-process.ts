import { ChildProcess, spawn } from 'child_process';
import { createServer } from 'net';
import path from 'path';
import { applyTestEnv } from './test-env';

const appDir = path.resolve(__dirname, '..', '..');

export interface Instance {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const waitForHealth = async (url: string, child: ChildProcess, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`instance at ${url} not healthy after ${timeoutMs} ms`);
};

/**
 * The compiled app (`dist/`, made by the jest globalSetup) as a separate `strapi start` process: what runs
 * behind a load balancer, and what a test can kill.
 */
export const startInstance = async (
  env: Record<string, string>,
  timeoutMs = 180_000
): Promise<Instance> => {
  applyTestEnv();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    process.execPath,
    [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
    {
      cwd: appDir,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  child.stdout!.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  try {
    await waitForHealth(url, child, timeoutMs);
  } catch (error) {
    await end('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log.slice(-3000)}`);
  }
  return {
    url,
    process: child,
    output: () => log,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
};
