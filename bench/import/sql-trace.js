'use strict';
/**
 * Preloaded into a command the benchmark runs as a child (`node -r bench/import/sql-trace.js
 * scripts/import.js …`) when SQL_TRACE_FILE is set: every statement any knex instance runs, timed from
 * the call to its answer, summed by shape (the SQL with its lists of placeholders folded), in segments
 * of SQL_TRACE_EVERY (default 100) statements matching SQL_TRACE_MARK (a regular expression; the
 * segments show which statements grow as the archive fills). The first statement matching SQL_TRACE_START
 * (when set) closes the start-up's segment: `startMs` is when it was called, `lastEndMs` when the last
 * statement answered. Written to SQL_TRACE_FILE as JSON when the process exits. It changes nothing in the
 * command.
 */
const file = process.env.SQL_TRACE_FILE;
if (file) {
  const fs = require('fs');
  const mark = new RegExp(process.env.SQL_TRACE_MARK || '^insert into "articles"', 'i');
  const every = Number(process.env.SQL_TRACE_EVERY || 100);
  const start = process.env.SQL_TRACE_START ? new RegExp(process.env.SQL_TRACE_START, 'i') : null;
  let startMs = null;
  let startSegment = 0;
  let lastEndMs = null;
  const started = performance.now();
  // Lists of placeholders folded, so a statement has one shape whatever the size of its batch.
  const shapeOf = (sql) => {
    let shape = sql.replace(/\s+/g, ' ').replace(/ UNION ALL .*/i, ' UNION ALL …');
    for (let pass = 0; pass < 3; pass += 1) shape = shape.replace(/\([^()]*\?[^()]*\)/g, '[?]');
    return shape.replace(/(\[\?\](, )?){2,}/g, '[?]…').slice(0, 200);
  };
  const newSegment = () => ({
    startMs: performance.now() - started,
    statements: 0,
    ms: 0,
    shapes: {},
  });
  const segments = [newSegment()];
  let marks = 0;
  const totals = { statements: 0, ms: 0 };
  const record = (sql, ms) => {
    const segment = segments[segments.length - 1];
    const shape = shapeOf(sql);
    const entry = (segment.shapes[shape] ??= { count: 0, ms: 0 });
    entry.count += 1;
    entry.ms += ms;
    segment.statements += 1;
    segment.ms += ms;
    totals.statements += 1;
    totals.ms += ms;
    lastEndMs = performance.now() - started;
  };
  const closeSegment = () => {
    segments[segments.length - 1].endMs = performance.now() - started;
    segments.push(newSegment());
  };
  try {
    const Client = require(require.resolve('knex/lib/client', { paths: [process.cwd()] }));
    const query = Client.prototype.query;
    Client.prototype.query = function tracedQuery(connection, queryParam) {
      const sql = typeof queryParam === 'string' ? queryParam : (queryParam?.sql ?? '');
      const at = performance.now();
      const done = () => record(sql, performance.now() - at);
      if (start && startMs === null && start.test(sql)) {
        startMs = at - started;
        closeSegment();
        startSegment = segments.length - 1;
        marks = 0;
      }
      const answer = query.apply(this, arguments);
      answer.then(done, done);
      if (mark.test(sql)) {
        marks += 1;
        if (marks % every === 0) closeSegment();
      }
      return answer;
    };
  } catch (error) {
    process.stderr.write(`sql-trace: knex not found, nothing traced (${error.message})\n`);
  }
  const write = () => {
    segments[segments.length - 1].endMs = performance.now() - started;
    fs.writeFileSync(
      file,
      JSON.stringify({ marks, every, ...totals, startMs, lastEndMs, startSegment, segments })
    );
  };
  // Strapi's destroy removes every listener of the process ('exit' too): the commands end through
  // process.exit, which is wrapped as well.
  process.on('exit', write);
  const exit = process.exit;
  process.exit = function tracedExit(...args) {
    write();
    return exit.apply(process, args);
  };
}
