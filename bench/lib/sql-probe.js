'use strict';
/**
 * Preloaded into a benchmarked server (`node -r bench/lib/sql-probe.js …strapi.js start`) when
 * BENCH_SQL_PROBE=1: records the SQL that Strapi's knex runs for one marked request, over the IPC channel:
 * { probe: 'arm', id } starts recording the queries of requests carrying the header `x-bench-probe: <id>`
 * (found through Strapi's request context), { probe: 'dump' } stops and answers { probe: 'dump', queries }.
 * Requests still in flight from a load test are not mixed in. Disarmed, its listener returns at once; it
 * changes nothing in the app.
 * Also CPU profiles of a window only (not of start-up): { probe: 'profile-start' } and
 * { probe: 'profile-stop', file } (writes a .cpuprofile through the inspector, answers 'profile-stopped').
 */
if (process.env.BENCH_SQL_PROBE === '1' && typeof process.send === 'function') {
  let armed = null;
  let profiler = null;
  let queries = [];
  const marked = () => {
    try {
      const ctx = global.strapi.requestContext.get();
      return Boolean(ctx && ctx.request && ctx.request.headers['x-bench-probe'] === armed);
    } catch {
      return false;
    }
  };
  const encode = (value) => (value instanceof Date ? { $date: value.getTime() } : value);
  // Every knex instance's queries, through knex's Client: the app reads on SQLite through a second knex
  // instance of its own (src/lib/sqlite-read-connection.ts) that a listener on strapi.db.connection misses.
  const record = (client, queryParam) => {
    if (armed === null || !marked()) return;
    const query = typeof queryParam === 'string' ? { sql: queryParam } : queryParam || {};
    queries.push({
      // As the driver gets it (PostgreSQL's $1, $2 … rather than knex's ?).
      sql: client.positionBindings(query.sql),
      bindings: (query.bindings || []).map(encode),
      method: query.method,
    });
  };
  try {
    const Client = require(require.resolve('knex/lib/client', { paths: [process.cwd()] }));
    const query = Client.prototype.query;
    Client.prototype.query = function probedQuery(connection, queryParam) {
      record(this, queryParam);
      return query.apply(this, arguments);
    };
  } catch (error) {
    process.stderr.write(`sql-probe: knex not found, no SQL recorded (${error.message})\n`);
  }
  process.on('message', (message) => {
    if (!message || typeof message !== 'object') return;
    if (message.probe === 'arm') {
      queries = [];
      armed = String(message.id);
      process.send({ probe: 'armed' });
    } else if (message.probe === 'profile-start') {
      const inspector = require('inspector');
      profiler = new inspector.Session();
      profiler.connect();
      profiler.post('Profiler.enable', () =>
        profiler.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
          profiler.post('Profiler.start', () => process.send({ probe: 'profile-started' }))
        )
      );
    } else if (message.probe === 'profile-stop') {
      profiler.post('Profiler.stop', (error, result) => {
        if (!error) require('fs').writeFileSync(message.file, JSON.stringify(result.profile));
        profiler.disconnect();
        profiler = null;
        process.send({ probe: 'profile-stopped', error: error ? String(error) : null });
      });
    } else if (message.probe === 'dump') {
      armed = null;
      process.send({ probe: 'dump', queries });
      queries = [];
    }
  });
  if (process.channel && typeof process.channel.unref === 'function') process.channel.unref();
}
