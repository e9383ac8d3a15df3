import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite is the embedded default; PostgreSQL serves production and several instances behind a load
 * balancer. MySQL/MariaDB is not supported: the slug, search and archive features are tested on the two
 * engines above only.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        // DATABASE_URL, when set, wins over the separate settings.
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'pishkhan'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool,
        acquireConnectionTimeout,
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(
      `Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`
    );
  }

  const filename = env('DATABASE_FILENAME', '') || '.tmp/data.db';
  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Relative paths are taken from the app root (this file runs from dist/config).
        filename: path.isAbsolute(filename) ? filename : path.join(__dirname, '..', '..', filename),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout,
      pool: {
        // Write-ahead log, synced at checkpoints: a commit no longer waits for the disk (2 ms a commit
        // here, a fifth of an import's time), readers do not block the writer, and a crashed process
        // loses nothing committed (a power cut may lose the last commits, never the file's integrity).
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          const sqlite = connection as { pragma(sql: string): unknown };
          sqlite.pragma('journal_mode = WAL');
          sqlite.pragma('synchronous = NORMAL');
          done(undefined, connection);
        },
      },
    },
  };
};

export default config;
