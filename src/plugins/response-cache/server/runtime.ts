/**
 * One response cache per Strapi instance: its options, its backend, its counters, and invalidation.
 *
 * Invalidation is one counter (the generation) that every key carries. It moves:
 * - after every document-service write (create, update, delete, publish, unpublish, discardDraft, and
 *   any other non-read action) to a watched content type, BEFORE the write call returns: admin, REST,
 *   GraphQL, importer and scripts all write through the document service;
 * - again when the surrounding database transaction commits, if the write ran inside one (the importer
 *   runs each story in a transaction of its own);
 * - after writes to watched models made without the document service (`strapi.db.query`: media files,
 *   public permissions, locales, the core store holding the default locale);
 * - once more at the end of every HTTP request that wrote anything, before the answer is sent;
 * - when an instance starts and stops (code or configuration may have changed what an answer says).
 * It is coarse on purpose: one write invalidates every cached answer, since a story appears in lists,
 * section pages, search, populated relations and GraphQL, and finding them precisely is not worth the risk.
 */
import { AsyncLocalStorage } from 'async_hooks';
import crypto from 'crypto';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import {
  createClassifier,
  createGraphqlClassifier,
  Classifier,
  Entry,
  GraphqlClassifier,
  GraphqlParser,
  list,
  MemoryStore,
  ResponseCacheOptions,
  uidMatcher,
} from '../core';
import { Backend, MemoryBackend, RedisBackend } from './backends';
import { FileGeneration, LocalGeneration, ProcessGeneration } from './generation';

export interface Counters {
  hits: number;
  misses: number;
  bypasses: number;
  stored: number;
  notStored: number;
  coalesced: number;
  notModified: number;
  bumps: number;
}

export interface RequestScope {
  wrote: boolean;
}

export interface Runtime {
  readonly options: ResponseCacheOptions;
  readonly enabled: boolean;
  readonly backend: Backend | null;
  readonly classifier: Classifier;
  readonly graphql: GraphqlClassifier | null;
  readonly counters: Counters;
  readonly inflight: Map<string, Promise<Entry | null>>;
  readonly requestScope: AsyncLocalStorage<RequestScope>;
  readonly documentScope: AsyncLocalStorage<true>;
  readonly watchesDocuments: (uid: string) => boolean;
  readonly watchesModels: (uid: string) => boolean;
  readonly maxEntryBytes: number;
  readonly vary: string[];
  readonly storeHeaders: string[];
  /** Moves the generation now (awaited), and again at commit when inside a transaction. */
  invalidate(reason: string): Promise<void>;
  /** Waits for generation moves started without being awaited (transaction commit callbacks). */
  flush(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const runtimes = new WeakMap<Core.Strapi, Runtime>();

export const getRuntime = (strapi: Core.Strapi): Runtime | undefined => runtimes.get(strapi);

/** Who the database is, so that instances sharing it share a cache and nobody else does. */
const databaseIdentity = (strapi: Core.Strapi): { id: string; sqliteFile?: string } => {
  const connection = strapi.config.get('database.connection') as {
    client?: string;
    connection?: {
      filename?: string;
      connectionString?: string;
      host?: string;
      port?: number;
      database?: string;
      schema?: string;
    };
  };
  const settings = connection?.connection ?? {};
  if (connection?.client === 'sqlite' && settings.filename) {
    return {
      id: `sqlite:${path.resolve(settings.filename)}`,
      sqliteFile: path.resolve(settings.filename),
    };
  }
  let where = `${settings.host}:${settings.port}/${settings.database}`;
  if (settings.connectionString) {
    try {
      const url = new URL(settings.connectionString);
      where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    } catch {
      where = settings.connectionString;
    }
  }
  return { id: `${connection?.client}:${where}#${settings.schema ?? ''}` };
};

const loadGraphqlParser = (): GraphqlParser | null => {
  try {
    // The graphql package the GraphQL plugin itself runs on.
    const from = path.dirname(require.resolve('@strapi/plugin-graphql/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const graphql = require(require.resolve('graphql', { paths: [from] })) as GraphqlParser;
    return { parse: graphql.parse, print: graphql.print };
  } catch {
    return null;
  }
};

export const createRuntime = (strapi: Core.Strapi, options: ResponseCacheOptions): Runtime => {
  const counters: Counters = {
    hits: 0,
    misses: 0,
    bypasses: 0,
    stored: 0,
    notStored: 0,
    coalesced: 0,
    notModified: 0,
    bumps: 0,
  };
  const pending = new Set<Promise<unknown>>();
  const maxEntryBytes = options.maxEntryKb * 1024;
  const identity = databaseIdentity(strapi);
  const idHash = crypto.createHash('sha1').update(identity.id).digest('hex').slice(0, 12);
  const log = {
    info: (message: string) => strapi.log.info(message),
    warn: (message: string) => strapi.log.warn(message),
  };

  let backend: Backend | null = null;
  if (options.enabled) {
    const local = new MemoryStore({
      maxBytes: options.maxMemoryMb * 1024 * 1024,
      maxEntryBytes,
      ttlMs: options.ttlSeconds * 1000,
    });
    if (options.redis.url) {
      backend = new RedisBackend(
        local,
        {
          ...options.redis,
          prefix: options.redis.prefix || `pishkhan:rc:${idHash}:`,
          ttlSeconds: options.ttlSeconds,
        },
        log
      );
    } else {
      const file =
        options.generationFile ||
        (identity.sqliteFile
          ? `${identity.sqliteFile}.response-cache-generation`
          : path.join(os.tmpdir(), 'pishkhan-response-cache', `${idHash}.generation`));
      let generation: LocalGeneration;
      try {
        generation = new FileGeneration(file);
      } catch (error) {
        strapi.log.warn(
          `response-cache: cannot use ${file} (${(error as Error).message}); only this process's writes will invalidate its cache`
        );
        generation = new ProcessGeneration();
      }
      backend = new MemoryBackend(local, generation);
    }
  }

  const bump = async (): Promise<void> => {
    if (!backend) return;
    counters.bumps += 1;
    await backend.bump();
  };

  // Transactions that already move the generation at commit (one move per commit is enough).
  const atCommit = new WeakSet<object>();

  const track = (promise: Promise<unknown>): void => {
    pending.add(promise);
    promise.finally(() => pending.delete(promise)).catch(() => undefined);
  };

  const runtime: Runtime = {
    options,
    enabled: options.enabled,
    backend,
    classifier: createClassifier(options),
    graphql: options.graphql.enabled
      ? (() => {
          const parser = loadGraphqlParser();
          return parser ? createGraphqlClassifier(parser) : null;
        })()
      : null,
    counters,
    inflight: new Map(),
    requestScope: new AsyncLocalStorage<RequestScope>(),
    documentScope: new AsyncLocalStorage<true>(),
    watchesDocuments: uidMatcher(options.documents),
    watchesModels: uidMatcher(options.models),
    maxEntryBytes,
    vary: list(options.vary),
    storeHeaders: list(options.storeHeaders, true),

    async invalidate(_reason) {
      if (!backend) return;
      const scope = runtime.requestScope.getStore();
      if (scope) scope.wrote = true;
      await bump();
      if (strapi.db?.inTransaction()) {
        // Readers cannot see the write before the commit: move the generation again once they can. Strapi
        // does not await commit callbacks, so the move is tracked and awaited before the HTTP answer.
        await strapi.db.transaction(async ({ trx, onCommit }) => {
          if (atCommit.has(trx as object)) return;
          atCommit.add(trx as object);
          onCommit(() => track(bump()));
        });
      }
    },

    async flush() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },

    async start() {
      if (!backend) return;
      await backend.start();
      // A new instance may run new code or configuration: what was cached before says something else.
      await bump();
      const stats = backend.stats();
      strapi.log.info(
        `response-cache: ${stats.mode === 'redis' ? 'Redis, shared by every instance' : 'in-process LRU'} ` +
          `(${options.maxMemoryMb} MB; generation: ${stats.generationSource})`
      );
      if (stats.mode === 'memory' && !identity.sqliteFile) {
        strapi.log.warn(
          'response-cache: embedded cache on a network database: writes made on other hosts are not seen. Set REDIS_URL when more than one host serves this database.'
        );
      }
    },

    async close() {
      if (!backend) return;
      await runtime.flush();
      await bump();
      await backend.close();
    },
  };
  runtimes.set(strapi, runtime);
  return runtime;
};
