'use strict';
/**
 * Scenario 7: start-up time (spawn of `strapi start` to the first 204 from /_health) and resident memory,
 * ours against plain Strapi, on the main data set's databases, alternating. Memory under load is added by
 * the runner from the servers that served the HTTP scenarios.
 */
const path = require('path');
const { startServer, sleep } = require('../lib/server');
const { median, ratio } = require('../lib/stats');

const run = async (ctx, { engine, databases }) => {
  const { opts, apps, log, workDir } = ctx;
  const samples = { ours: [], plain: [] };
  for (let round = 0; round < opts.startups; round += 1) {
    const order = round % 2 === 0 ? ['ours', 'plain'] : ['plain', 'ours'];
    for (const name of order) {
      const server = await startServer({
        app: apps[name],
        env: databases[name].env,
        logDir: path.join(workDir, 'logs'),
        label: `${name}-startup-${engine}`,
      });
      // Resident memory once start-up work has settled.
      await sleep(500);
      const memory = server.memory();
      samples[name].push({ startupMs: server.startupMs, rss: memory.rss });
      await server.stop();
    }
  }
  const metric = (name, unit, pick) => {
    const ours = median(samples.ours.map(pick));
    const plain = median(samples.plain.map(pick));
    return { name, unit, better: 'lower', ours, baseline: plain, ratio: ratio(ours, plain) };
  };
  const cases = [
    {
      id: 'startup',
      title: 'strapi start until /_health answers 204 (median)',
      kind: 'value',
      metrics: [metric('startup', 'ms', (s) => s.startupMs)],
      samples: {
        ours: samples.ours.map((s) => s.startupMs),
        plain: samples.plain.map((s) => s.startupMs),
      },
    },
    {
      id: 'rss-idle',
      title: 'resident memory 0.5 s after start-up (median)',
      kind: 'value',
      metrics: [metric('rss', 'bytes', (s) => s.rss)],
    },
  ];
  const m = cases[0].metrics[0];
  log(
    `  start-up: ours ${m.ours.toFixed(0)} ms, plain ${m.baseline.toFixed(0)} ms (×${m.ratio.toFixed(2)}); rss ours ${(cases[1].metrics[0].ours / 2 ** 20).toFixed(0)} MiB, plain ${(cases[1].metrics[0].baseline / 2 ** 20).toFixed(0)} MiB`
  );
  return {
    id: 'startup',
    engine,
    title: 'Start-up time and resident memory',
    target: 'none set; reported against plain Strapi',
    cases,
  };
};

/** The memory of the servers that served the HTTP scenarios, as a case of the start-up scenario. */
const loadedMemoryCase = (servers) => {
  const ours = servers.ours.memory();
  const plain = servers.plain.memory();
  return [
    {
      id: 'rss-loaded',
      title: 'resident memory after the REST and GraphQL scenarios',
      kind: 'value',
      metrics: [
        {
          name: 'rss',
          unit: 'bytes',
          better: 'lower',
          ours: ours.rss,
          baseline: plain.rss,
          ratio: ratio(ours.rss, plain.rss),
        },
      ],
    },
    {
      id: 'rss-peak',
      title: 'peak resident memory during the REST and GraphQL scenarios',
      kind: 'value',
      metrics: [
        {
          name: 'peakRss',
          unit: 'bytes',
          better: 'lower',
          ours: ours.peakRss,
          baseline: plain.peakRss,
          ratio: ratio(ours.peakRss, plain.peakRss),
        },
      ],
    },
  ];
};

module.exports = { run, loadedMemoryCase };
