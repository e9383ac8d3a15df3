'use strict';
/**
 * Preloaded into a server (`node -r bench/calls/preload.js …`): exact call counts of every JavaScript
 * function (V8's precise coverage, `callCount`), which no load on the machine changes. SIGUSR2 takes the
 * counts: the first take only resets them, each later one writes `<CALLS_DIR>/<pid>-<n>.json` as
 * [file, function, offset, calls] rows (node_modules and the app's folder cut from the file names).
 */
const fs = require('fs');
const inspector = require('inspector');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable', () =>
  session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })
);
const shorten = (url) => {
  const file = url.replace(/^file:\/\//, '');
  return file.includes('node_modules/')
    ? file.replace(/^.*node_modules\//, '')
    : file.replace(/^.*\/(dist\/)/, '$1');
};
let takes = 0;
process.on('SIGUSR2', () =>
  session.post('Profiler.takePreciseCoverage', (error, result) => {
    takes += 1;
    if (takes === 1 || error) return;
    const rows = [];
    for (const script of result.result) {
      if (!script.url) continue;
      for (const fn of script.functions) {
        const calls = fn.ranges[0].count;
        if (calls > 0)
          rows.push([shorten(script.url), fn.functionName, fn.ranges[0].startOffset, calls]);
      }
    }
    fs.writeFileSync(`${process.env.CALLS_DIR}/${process.pid}-${takes}.json`, JSON.stringify(rows));
  })
);
