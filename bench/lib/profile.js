'use strict';
/**
 * Summaries of V8 CPU profiles (`node --cpu-prof`): self time by area (our plugins, our app, each @strapi
 * package, knex, the database driver, koa, graphql, node, GC, idle) and the hottest functions, so a miss
 * can be pinned on the code that costs the time. Self time leaves a V8 built-in (`JSON.stringify`) or
 * Node's own JavaScript (`Buffer.prototype.copy`) in "native" or "node" whoever called it; `callerAreas`
 * charges both to the area of the code that called them, which is what a plugin's share of a request
 * costs. The share and the whole are read from one process in one window, so the machine's speed and
 * one instance's luck cancel out of it.
 */
const fs = require('fs');
const path = require('path');

const areaOf = (url, functionName) => {
  if (!url) {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'program';
    return 'native';
  }
  const file = url.replace(/^file:\/\//, '');
  // A plugin runs from its package's own build (src/plugins/<name>/dist/, through node_modules/@pishkhan
  // links resolved to their real path), the app from tsc's dist/src.
  let match =
    /\/src\/plugins\/([^/]+)\/dist\//.exec(file) ?? /\/dist\/src\/plugins\/([^/]+)\//.exec(file);
  if (match) return `plugin:${match[1]}`;
  if (/\/src\/(persian|jalali|lib\/save-pipeline)\/dist\//.test(file)) return 'app';
  if (/\/dist\/src\//.test(file) || /\/dist\/config\//.test(file)) return 'app';
  match = /node_modules\/(@strapi\/[^/]+)\//.exec(file);
  if (match) return match[1];
  if (/node_modules\/knex\//.test(file)) return 'knex';
  if (/node_modules\/(better-sqlite3|pg|pg-protocol|pg-pool|pg-types)\//.test(file))
    return 'db driver';
  if (/node_modules\/(koa[^/]*|@koa\/[^/]+)\//.test(file)) return 'koa';
  if (
    /node_modules\/(graphql|@apollo\/[^/]+|graphql-[^/]+|@graphql-tools\/[^/]+|nexus)\//.test(file)
  )
    return 'graphql';
  match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (match) return `npm:${match[1]}`;
  if (file.startsWith('node:') || !file.startsWith('/')) return 'node';
  return 'other';
};

/** Self time (ms) by area and by function of one .cpuprofile file. */
const summarizeProfile = (file, top = 15) => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const self = new Map();
  profile.samples.forEach((id, index) =>
    self.set(id, (self.get(id) || 0) + (profile.timeDeltas[index] || 0))
  );
  const areas = {};
  const callerAreas = {};
  const functions = new Map();
  const parents = new Map();
  for (const node of profile.nodes)
    for (const child of node.children || []) parents.set(child, node);
  const callerArea = new Map();
  const callerAreaOf = (node) => {
    if (callerArea.has(node.id)) return callerArea.get(node.id);
    const own = areaOf(node.callFrame.url, node.callFrame.functionName);
    const parent = parents.get(node.id);
    const area =
      (own === 'native' || own === 'node') && parent && parent.callFrame.functionName !== '(root)'
        ? callerAreaOf(parent)
        : own;
    callerArea.set(node.id, area);
    return area;
  };
  let total = 0;
  let busy = 0;
  for (const node of profile.nodes) {
    const micros = self.get(node.id) || 0;
    if (!micros) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    total += micros;
    if (area !== 'idle') busy += micros;
    areas[area] = (areas[area] || 0) + micros;
    const caller = callerAreaOf(node);
    callerAreas[caller] = (callerAreas[caller] || 0) + micros;
    const key =
      `${functionName || '(anonymous)'} ${url ? `${shorten(url)}:${lineNumber + 1}` : ''}`.trim();
    const entry = functions.get(key) || { function: key, area, micros: 0 };
    entry.micros += micros;
    functions.set(key, entry);
  }
  const share = (micros) => (busy ? micros / busy : 0);
  const byArea = (table) =>
    Object.entries(table)
      .filter(([area]) => area !== 'idle')
      .map(([area, micros]) => ({ area, ms: micros / 1000, share: share(micros) }))
      .sort((a, b) => b.ms - a.ms);
  return {
    file: path.basename(file),
    totalMs: total / 1000,
    busyMs: busy / 1000,
    areas: byArea(areas),
    callerAreas: byArea(callerAreas),
    top: [...functions.values()]
      .filter((entry) => entry.area !== 'idle')
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((entry) => ({
        function: entry.function,
        area: entry.area,
        ms: entry.micros / 1000,
        share: share(entry.micros),
      })),
  };
};

const shorten = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/dist\//, 'dist/');

module.exports = { summarizeProfile, areaOf };
