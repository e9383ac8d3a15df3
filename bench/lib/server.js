'use strict';
/**
 * An app served by `strapi start` as a child process on a free loopback port, waited for through
 * GET /_health (204). Start-up time is from spawn to the first 204; memory is read from /proc.
 */
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { cpuTimeOf } = require('./process-cpu');
const { childEnv } = require('./env');

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

const healthy = (port) =>
  new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/_health', timeout: 1000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 204);
      }
    );
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident and peak resident memory of a process (bytes), from /proc (Linux). */
const memoryOf = (pid) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => {
      const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      return match ? Number(match[1]) * 1024 : null;
    };
    return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
  } catch {
    return { rss: null, peakRss: null };
  }
};

/**
 * Starts `app` ({ name, appDir }) with `env` (database and extras). Options: `nodeArgs` (e.g. --cpu-prof),
 * `logDir`, `timeoutMs`. Resolves to a handle: { name, port, url, pid, startupMs, memory(), stop() }.
 */
const startServer = async ({
  app,
  env,
  logDir,
  nodeArgs = [],
  timeoutMs = 120000,
  label = app.name,
  pinCpus = null,
}) => {
  const port = await freePort();
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${label}-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const strapiBin = path.join(app.appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  const started = process.hrtime.bigint();
  const probe = path.join(__dirname, 'sql-probe.js');
  const argv = [...nodeArgs, '-r', probe, strapiBin, 'start'];
  // taskset execs node in place, so the child's pid (CPU time, profiles) stays the server's.
  const child = spawn(
    pinCpus ? 'taskset' : process.execPath,
    pinCpus ? ['-c', pinCpus, process.execPath, ...argv] : argv,
    {
      cwd: app.appDir,
      env: childEnv({ ...(app.env || {}), ...env, PORT: String(port), BENCH_SQL_PROBE: '1' }),
      stdio: ['ignore', log, log, 'ipc'],
    }
  );
  child.channel?.unref?.();
  let exited = null;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    })
  );

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      fs.closeSync(log);
      throw new Error(
        `${label} exited during start-up (${JSON.stringify(exited)}); log: ${logFile}\n${tail(logFile)}`
      );
    }
    if (await healthy(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      fs.closeSync(log);
      throw new Error(
        `${label} did not answer /_health within ${timeoutMs} ms; log: ${logFile}\n${tail(logFile)}`
      );
    }
    await sleep(20);
  }
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await exit;
      clearTimeout(timer);
    }
    fs.closeSync(log);
    return exited;
  };

  /**
   * The SQL the server runs for the requests that `action(headers)` sends with the given headers (the
   * probe's marker), e.g. captureSql((headers) => request(url, { headers })).
   */
  let probes = 0;
  const ask = (probe, answer, extra = {}) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${label}: probe did not answer ${probe}`)),
        30000
      );
      const onMessage = (message) => {
        if (message && message.probe === answer) {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message);
        }
      };
      child.on('message', onMessage);
      child.send({ probe, ...extra });
    });
  /** A CPU profile of the server while `action` runs (start-up excluded), written to `file`. */
  const profile = async (file, action) => {
    await ask('profile-start', 'profile-started');
    // The profile is stopped whatever the action did; the action's own failure is the one reported.
    const outcome = await action().then(
      (value) => ({ value }),
      (error) => ({ error })
    );
    const stopped = await ask('profile-stop', 'profile-stopped', { file });
    if (outcome.error) throw outcome.error;
    if (stopped.error) throw new Error(`${label}: profiling failed: ${stopped.error}`);
    return outcome.value;
  };
  const captureSql = async (action) => {
    probes += 1;
    const id = `${process.pid}-${probes}`;
    await ask('arm', 'armed', { id });
    let result;
    let failure = null;
    try {
      result = await action({ 'x-bench-probe': id });
    } catch (error) {
      failure = error;
    }
    const { queries } = await ask('dump', 'dump');
    if (failure) throw failure;
    return { result, queries };
  };

  return {
    name: app.name,
    label,
    captureSql,
    profile,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    startupMs,
    startMemory: memoryOf(child.pid),
    memory: () => memoryOf(child.pid),
    cpuTime: () => cpuTimeOf(child.pid),
    logFile,
    stop,
  };
};

const tail = (file, lines = 30) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
};

module.exports = { startServer, freePort, memoryOf, sleep };
