'use strict';
/** The machine a run measured, for the report. */
const os = require('os');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const version = (name) => {
  try {
    return JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', '..', 'node_modules', name, 'package.json'),
        'utf8'
      )
    ).version;
  } catch {
    return null;
  }
};

const machineInfo = () => {
  const cpus = os.cpus();
  let distro = null;
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))[1];
  } catch {}
  return {
    hostname: os.hostname(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    distro,
    cpus: cpus.length,
    cpuModel: cpus[0] ? cpus[0].model.trim() : 'unknown',
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg(),
    node: process.version,
    packages: {
      '@strapi/strapi': version('@strapi/strapi'),
      '@strapi/plugin-graphql': version('@strapi/plugin-graphql'),
      autocannon: version('autocannon'),
      'better-sqlite3': version('better-sqlite3'),
      pg: version('pg'),
      slugify: version('slugify'),
    },
  };
};

/**
 * CPU pinning for the side-by-side HTTP cases: the server under load on CPU 0, the runner and its load
 * generator on the others, so neither takes the other's core in the middle of a round (the database
 * server is left where the system runs it). Null where there is one CPU or no `taskset`.
 */
const cpuPinning = () => {
  const count = os.cpus().length;
  if (count < 2 || spawnSync('taskset', ['-p', String(process.pid)]).status !== 0) return null;
  const all = `0-${count - 1}`;
  const runner = count === 2 ? '1' : `1-${count - 1}`;
  const pin = (cpus) => {
    const result = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`taskset failed: ${result.stderr}`);
  };
  return {
    serverCpus: '0',
    runnerCpus: runner,
    /** Runs `action` with the runner on its CPUs, then gives it all of them again. */
    async whilePinned(action) {
      pin(runner);
      try {
        return await action();
      } finally {
        pin(all);
      }
    },
  };
};

module.exports = { machineInfo, cpuPinning };
