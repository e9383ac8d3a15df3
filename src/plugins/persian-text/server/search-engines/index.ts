import type { Core } from '@strapi/strapi';
import { postgresEngine } from './postgres';
import { sqliteEngine } from './sqlite';
import type { SearchEngine } from './types';

export const searchEngineFor = (strapi: Core.Strapi): SearchEngine => {
  const client = strapi.db.config.connection.client;
  if (client === 'sqlite' || client === 'better-sqlite3') return sqliteEngine(strapi);
  if (client === 'postgres' || client === 'pg') return postgresEngine(strapi);
  throw new Error(`persian-text search supports SQLite and PostgreSQL, not ${String(client)}`);
};

export type { SearchEngine, IndexedArticle, SearchPage, SearchOptions, Tier } from './types';
