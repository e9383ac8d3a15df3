'use strict';
/** A fresh database per app and data set: a SQLite file in the bench folder, or a PostgreSQL database. */
const fs = require('fs');
const path = require('path');

const postgresAdminUrl = () =>
  process.env.BENCH_POSTGRES_URL ||
  process.env.TEST_POSTGRES_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

const pgClient = async (url) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
};

const urlFor = (name) => {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * `name` is a short identifier (letters, digits, _). Returns { engine, name, env, url|file, drop() }.
 * An existing database of the same name is replaced.
 */
const createDatabase = async ({ engine, name, dir }) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  if (engine === 'sqlite') {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.db`);
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(file + suffix, { force: true });
    return {
      engine,
      name,
      file,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  if (engine !== 'postgres') throw new Error(`unknown engine ${engine}`);
  const database = `pishkhan_bench_${name}`;
  const admin = await pgClient(postgresAdminUrl());
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = urlFor(database);
  return {
    engine,
    name: database,
    url,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url },
    drop: async () => {
      const client = await pgClient(postgresAdminUrl());
      try {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

/**
 * A PostgreSQL database kept between runs (the scale data set: a million stories take minutes to write):
 * reused when its marker table says it holds `marker` (seed, size, shape) and was loaded to the end, else
 * made afresh. Returns createDatabase's record with `reused` and `markLoaded()`, to call once loaded.
 */
const keptDatabase = async ({ name, marker }) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const database = `pishkhan_bench_${name}`;
  const url = urlFor(database);
  const wanted = JSON.stringify(marker);
  const admin = await pgClient(postgresAdminUrl());
  let reused = false;
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rows.length) {
      const client = await pgClient(url);
      try {
        const found = await client.query(
          `SELECT marker FROM bench_dataset WHERE loaded_at IS NOT NULL`
        );
        reused = found.rows.length === 1 && found.rows[0].marker === wanted;
      } catch {
        reused = false;
      } finally {
        await client.end();
      }
    }
    if (!reused) {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database}`);
    }
  } finally {
    await admin.end();
  }
  return {
    engine: 'postgres',
    name: database,
    url,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url },
    reused,
    async markLoaded() {
      const client = await pgClient(url);
      try {
        await client.query(
          'CREATE TABLE IF NOT EXISTS bench_dataset (marker TEXT NOT NULL, loaded_at TIMESTAMPTZ)'
        );
        await client.query('DELETE FROM bench_dataset');
        await client.query('INSERT INTO bench_dataset (marker, loaded_at) VALUES ($1, now())', [
          wanted,
        ]);
      } finally {
        await client.end();
      }
    },
    drop: async () => {
      const client = await pgClient(postgresAdminUrl());
      try {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

/** Is PostgreSQL reachable? (The run skips it with a note when not.) */
const postgresAvailable = async () => {
  try {
    const client = await pgClient(postgresAdminUrl());
    const { rows } = await client.query('select version() as version');
    await client.end();
    return rows[0].version;
  } catch (error) {
    return null;
  }
};

module.exports = { createDatabase, keptDatabase, postgresAvailable, postgresAdminUrl, pgClient };
