'use strict';
/** The machine a run measured, for the report. */
const os = require('os');
const fs = require('fs');
const path = require('path');

const version = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', name, 'package.json'), 'utf8')).version;
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

module.exports = { machineInfo };
