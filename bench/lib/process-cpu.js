'use strict';
/**
 * CPU time of processes, read from /proc (Linux): user and system time of all their threads. For a run
 * whose work is split between processes (a command line and the database's backends), where the
 * machine's cores, not any one process, bound the rate.
 */
const fs = require('fs');
const { execSync } = require('child_process');

let tickMs;
const msPerTick = () => {
  if (tickMs === undefined) {
    try {
      tickMs = 1000 / Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
};

/** The CPU ms a process has used so far, or null when it is gone (or this is not Linux). */
const cpuTimeOf = (pid) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which may itself hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick();
  } catch {
    return null;
  }
};

/**
 * The CPU used by a changing set of processes, each counted up to its last sample: `sample(pids)` now
 * and then, `totalMs()` at any time. A process that ends between two samples loses what it used since
 * the last one.
 */
const cpuOfProcesses = () => {
  const seen = new Map();
  return {
    sample(pids) {
      for (const pid of pids) {
        const ms = cpuTimeOf(pid);
        if (ms !== null) seen.set(pid, Math.max(ms, seen.get(pid) ?? 0));
      }
    },
    totalMs: () => [...seen.values()].reduce((sum, ms) => sum + ms, 0),
  };
};

module.exports = { cpuTimeOf, cpuOfProcesses };
