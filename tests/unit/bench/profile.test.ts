import fs from 'fs';
import os from 'os';
import path from 'path';

type Area = { area: string; ms: number; share: number };
type Summary = { busyMs: number; areas: Area[]; callerAreas: Area[] };
// The benchmark suite is plain JavaScript outside the app's sources.
const { summarizeProfile } = require('../../../bench/lib/profile') as {
  summarizeProfile: (file: string) => Summary;
};

const PLUGIN = 'file:///bench/app/dist/src/plugins/jalali-date/server/siblings-json.js';
const KOA = 'file:///bench/app/node_modules/koa/lib/application.js';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' },
  children,
});

/** A profile whose samples give each node the self time (µs) in `self`. */
const writeProfile = (self: Record<number, number>): string => {
  const nodes = [
    frame(1, '(root)', '', [2, 4, 6, 8, 9]),
    frame(2, 'spliceSiblings', PLUGIN, [3, 7]),
    frame(3, 'stringify', ''),
    frame(4, 'respond', KOA, [5]),
    frame(5, 'byteLength', 'node:buffer'),
    frame(6, '(garbage collector)', ''),
    frame(7, 'copy', 'node:buffer'),
    frame(8, '(idle)', ''),
    frame(9, 'now', ''),
  ];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  for (const [id, micros] of Object.entries(self)) {
    samples.push(Number(id));
    timeDeltas.push(micros);
  }
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'profile-test-')),
    'test.cpuprofile'
  );
  fs.writeFileSync(file, JSON.stringify({ nodes, startTime: 0, endTime: 1, samples, timeDeltas }));
  return file;
};

const msOf = (areas: Area[], area: string) => areas.find((item) => item.area === area)?.ms ?? 0;

describe('summarizeProfile', () => {
  const summary = summarizeProfile(
    writeProfile({ 2: 1000, 3: 2000, 4: 500, 5: 300, 6: 400, 7: 600, 8: 5000, 9: 200 })
  );

  it('keeps self time by the area of the frame itself', () => {
    expect(msOf(summary.areas, 'plugin:jalali-date')).toBe(1);
    expect(msOf(summary.areas, 'native')).toBe(2.2);
    expect(msOf(summary.areas, 'node')).toBe(0.9);
  });

  it("charges built-ins and Node's own code to the code that called them", () => {
    expect(msOf(summary.callerAreas, 'plugin:jalali-date')).toBeCloseTo(3.6);
    expect(msOf(summary.callerAreas, 'koa')).toBeCloseTo(0.8);
    // A built-in straight under the root has no caller to be charged to; the collector is its own area.
    expect(msOf(summary.callerAreas, 'native')).toBeCloseTo(0.2);
    expect(msOf(summary.callerAreas, 'gc')).toBeCloseTo(0.4);
  });

  it('gives shares of the busy time, idle left out, in both tables', () => {
    expect(summary.busyMs).toBeCloseTo(5);
    expect(
      summary.callerAreas.find((item) => item.area === 'plugin:jalali-date')?.share
    ).toBeCloseTo(0.72);
    expect(summary.callerAreas.some((item) => item.area === 'idle')).toBe(false);
    expect(summary.callerAreas.reduce((sum, item) => sum + item.ms, 0)).toBeCloseTo(summary.busyMs);
  });
});
