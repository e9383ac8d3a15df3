'use strict';
/** Scenario 6: core micro-benchmarks from the compiled cores (dist/), in a process of their own. */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const run = async (ctx) => {
  const { opts, apps, log, workDir } = ctx;
  const jobFile = path.join(workDir, 'micro-job.json');
  fs.writeFileSync(
    jobFile,
    JSON.stringify({
      ourDist: apps.ours.distDir,
      seed: opts.seed,
      samples: opts.quick ? 5 : 11,
      sliceMs: opts.quick ? 100 : 250,
      warmupMs: opts.quick ? 200 : 500,
    })
  );
  const child = spawnSync(process.execPath, [path.join(__dirname, 'micro-worker.js'), jobFile], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`micro-benchmarks failed:\n${child.stderr}`);
  const { cases } = JSON.parse(child.stdout);
  const records = cases.map((item) => ({
    id: item.id,
    title: item.title,
    kind: 'micro',
    baselineName: item.baseline,
    metrics: [
      {
        name: 'ns/op',
        unit: 'ns',
        better: 'lower',
        ours: item.oursNs,
        baseline: item.baselineNs,
        ratio: item.oursNs / item.baselineNs,
      },
      {
        name: 'ops/s',
        unit: 'ops/s',
        better: 'higher',
        ours: 1e9 / item.oursNs,
        baseline: 1e9 / item.baselineNs,
        ratio: item.baselineNs / item.oursNs,
      },
    ],
  }));
  for (const record of records) {
    const [ns] = record.metrics;
    log(
      `  ${record.id}: ${ns.ours.toFixed(0)} ns/op against ${ns.baseline.toFixed(0)} ns/op (×${ns.ratio.toFixed(2)})`
    );
  }
  return {
    id: 'micro',
    engine: null,
    title: 'Core micro-benchmarks (compiled cores, one process, alternating samples)',
    target: 'none set; ns per operation against the named baseline',
    cases: records,
  };
};

module.exports = { run };
