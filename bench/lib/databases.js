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

module.exports = { createDatabase, postgresAvailable, postgresAdminUrl, pgClient };
