'use strict';
/**
 * Query plans of the SQL a server really ran (captured by sql-probe.js): EXPLAIN QUERY PLAN on SQLite,
 * EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, with the captured bindings.
 */
const { pgClient } = require('./databases');

const decode = (engine, value) => {
  if (value && typeof value === 'object' && '$date' in value)
    return engine === 'sqlite' ? value.$date : new Date(value.$date);
  if (engine === 'sqlite' && typeof value === 'boolean') return value ? 1 : 0;
  return value;
};

/**
 * Plans for `queries` ([{ sql, bindings }]) on `database` (from databases.js). Returns [{ sql, plan: string[] }].
 * `settings`: the `SET LOCAL …` statements the server ran in the same transaction (our search's
 * `enable_seqscan = off`), applied around each EXPLAIN on PostgreSQL, so the plan is the one the server got.
 */
const explain = async (database, queries, settings = []) => {
  const plans = [];
  if (database.engine === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(database.file, { readonly: true });
    try {
      for (const query of queries) {
        const rows = db
          .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
          .all(...query.bindings.map((value) => decode('sqlite', value)));
        // Indent by depth, as the sqlite3 shell does.
        const depth = new Map([[0, -1]]);
        const plan = rows.map((row) => {
          const level = (depth.get(row.parent) ?? -1) + 1;
          depth.set(row.id, level);
          return `${'  '.repeat(level)}${row.detail}`;
        });
        plans.push({ sql: query.sql, plan });
      }
    } finally {
      db.close();
    }
    return plans;
  }
  const client = await pgClient(database.url);
  try {
    for (const query of queries) {
      await client.query('BEGIN');
      try {
        for (const setting of settings) await client.query(setting);
        const result = await client.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
          query.bindings.map((value) => decode('postgres', value))
        );
        plans.push({ sql: query.sql, plan: result.rows.map((row) => row['QUERY PLAN']) });
      } finally {
        await client.query('ROLLBACK');
      }
    }
  } finally {
    await client.end();
  }
  return plans;
};

/** Did a plan read `table` through an index (rather than scanning the whole table)? */
const usesIndex = (engine, plan, table = 'articles') => {
  const text = plan.join('\n');
  if (engine === 'sqlite') {
    // SEARCH … USING INDEX is a range or equality lookup; SCAN (even USING INDEX) reads every row.
    return (
      /SEARCH \S+ USING (COVERING )?INDEX/.test(text) &&
      !new RegExp(`SCAN (t0|${table})\\b`).test(text)
    );
  }
  return (
    /Index (Only )?Scan|Bitmap Index Scan/.test(text) &&
    !new RegExp(`Seq Scan on ${table}\\b`).test(text)
  );
};

module.exports = { explain, usesIndex };
