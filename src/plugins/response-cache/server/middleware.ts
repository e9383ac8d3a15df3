/**
 * `plugin::response-cache.cache` in config/middlewares.ts, placed before `plugin::jalali-date.rest` so the
 * answers it stores are the final ones (with their `…Jalali` fields), and after `strapi::errors`, so
 * errors are formatted before it sees them and never stored.
 *
 * Every request runs inside a write scope: if it wrote anything, the generation moves once more before
 * the answer leaves (after every document middleware and transaction of the request has finished).
 */
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import {
  containsDraft,
  Entry,
  hashKey,
  makeEntry,
  matchesIfNoneMatch,
  STORABLE_STATUSES,
} from '../core';
import { getRuntime, RequestScope, Runtime } from './runtime';

type Next = () => Promise<unknown>;

interface Ctx {
  method: string;
  path: string;
  url: string;
  querystring: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
  req: NodeJS.ReadableStream & Record<string, unknown>;
  request: { body?: unknown; rawBody?: string; req?: unknown };
  response: { headers: Record<string, string | string[] | number | undefined> };
  state: { auth?: { strategy?: { name?: string }; credentials?: unknown } };
  get(name: string): string;
  set(name: string, value: string): void;
  vary(name: string): void;
  throw(status: number, message?: string): never;
}

/** The most a GraphQL request body may be (as the GraphQL plugin's body parser allows). */
const MAX_GRAPHQL_BODY = 1024 * 1024;

const runScoped = async (runtime: Runtime, next: Next): Promise<void> => {
  const scope: RequestScope = { wrote: false };
  try {
    await runtime.requestScope.run(scope, next);
  } finally {
    if (scope.wrote) await runtime.invalidate('request end');
    await runtime.flush();
  }
};

const readBody = (req: NodeJS.ReadableStream, limit: number): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Gives downstream middlewares a request stream again, for bodies this middleware read but did not parse. */
const replayBody = (ctx: Ctx, raw: Buffer): void => {
  const original = ctx.req;
  const replay = Readable.from([raw]) as unknown as Ctx['req'];
  for (const name of [
    'headers',
    'method',
    'url',
    'httpVersion',
    'socket',
    'connection',
    'rawHeaders',
  ]) {
    (replay as Record<string, unknown>)[name] = original[name];
  }
  ctx.req = replay;
  ctx.request.req = replay;
};

/** Is this answer one to store: a public reader's, a success or a slug redirect, JSON, no draft, no error? */
const capture = (ctx: Ctx, runtime: Runtime, graphql: boolean): Entry | null => {
  if (!STORABLE_STATUSES.has(ctx.status)) return null;
  const auth = ctx.state.auth;
  if (!auth || auth.credentials) return null;
  if (ctx.response.headers['set-cookie']) return null;
  const body = ctx.body;
  if (body === null || body === undefined || body instanceof Readable) return null;

  let bytes: Buffer;
  let parsed: unknown;
  if (Buffer.isBuffer(body)) {
    bytes = body;
  } else if (typeof body === 'string') {
    bytes = Buffer.from(body);
  } else if (typeof body === 'object') {
    parsed = body;
    bytes = Buffer.from(JSON.stringify(body));
  } else {
    return null;
  }
  if (bytes.length > runtime.maxEntryBytes) return null;
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      return null;
    }
  }
  if (graphql && (parsed as { errors?: unknown } | null)?.errors) return null;
  if (containsDraft(parsed)) return null;

  const headers: Record<string, string> = {};
  for (const name of runtime.storeHeaders) {
    const value = ctx.response.headers[name];
    if (value !== undefined)
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return makeEntry(ctx.status, headers, bytes);
};

const answer = (
  ctx: Ctx,
  entry: Entry,
  cacheControl: string,
  vary: string[],
  label: 'HIT' | 'MISS',
  runtime: Runtime
): void => {
  ctx.status = entry.status;
  for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
  ctx.set('ETag', entry.etag);
  ctx.set('Cache-Control', cacheControl);
  for (const name of vary) ctx.vary(name);
  ctx.set('X-Cache', label);
  const conditional = ctx.method === 'GET' || ctx.method === 'HEAD';
  if (
    conditional &&
    entry.status === 200 &&
    matchesIfNoneMatch(ctx.get('If-None-Match'), entry.etag)
  ) {
    runtime.counters.notModified += 1;
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.body = entry.body;
};

/** Looks up, serves, or computes (once per key and generation in this process) and stores. */
const serveCached = async (
  ctx: Ctx,
  next: Next,
  runtime: Runtime,
  key: string,
  cacheControl: string,
  graphql: boolean
) => {
  const backend = runtime.backend!;
  const { vary } = runtime;
  const hash = hashKey(key);
  const found = await backend.lookup(hash);
  if (!found) {
    runtime.counters.bypasses += 1;
    ctx.set('X-Cache', 'BYPASS');
    return runScoped(runtime, next);
  }
  if (found.entry) {
    runtime.counters.hits += 1;
    answer(ctx, found.entry, cacheControl, vary, 'HIT', runtime);
    return;
  }

  // Concurrent misses of one key in one generation wait for the first instead of all reading the database.
  const flight = `${found.generation}\n${hash}`;
  const leader = runtime.inflight.get(flight);
  if (leader) {
    const shared = await leader.catch(() => null);
    if (shared) {
      runtime.counters.hits += 1;
      runtime.counters.coalesced += 1;
      answer(ctx, shared, cacheControl, vary, 'HIT', runtime);
      return;
    }
  }

  let settle: (entry: Entry | null) => void = () => undefined;
  const promise = new Promise<Entry | null>((resolve) => {
    settle = resolve;
  });
  if (!leader) runtime.inflight.set(flight, promise);
  runtime.counters.misses += 1;
  // Said before the work, so that an answer made by an error handler further out says it too.
  ctx.set('X-Cache', 'MISS');
  let entry: Entry | null = null;
  try {
    await runScoped(runtime, next);
    entry = capture(ctx, runtime, graphql);
  } finally {
    settle(entry);
    if (!leader) runtime.inflight.delete(flight);
  }
  if (!entry) {
    runtime.counters.notStored += 1;
    return;
  }
  runtime.counters.stored += 1;
  backend.store(hash, found.generation, entry);
  answer(ctx, entry, cacheControl, vary, 'MISS', runtime);
};

const bypass = async (ctx: Ctx, next: Next, runtime: Runtime, privateAnswer: boolean) => {
  runtime.counters.bypasses += 1;
  ctx.set('X-Cache', 'BYPASS');
  // Answers to a token or a session (drafts, previews) must not be kept by a CDN or a browser cache.
  if (privateAnswer) ctx.set('Cache-Control', 'private, no-store');
  await runScoped(runtime, next);
  if (privateAnswer) ctx.set('Cache-Control', 'private, no-store');
};

export const responseCacheMiddleware =
  (strapi: Core.Strapi) =>
  async (ctx: Ctx, next: Next): Promise<void> => {
    const runtime = getRuntime(strapi);
    if (!runtime?.enabled || !runtime.backend) {
      await next();
      return;
    }
    const decision = runtime.classifier.classify(ctx);
    switch (decision.kind) {
      case 'pass':
        return runScoped(runtime, next);
      case 'bypass':
        return bypass(
          ctx,
          next,
          runtime,
          decision.reason === 'authorization' || decision.reason === 'session'
        );
      case 'rest':
        return serveCached(ctx, next, runtime, decision.key, decision.route.cacheControl, false);
      case 'graphql': {
        if (!runtime.graphql) return bypass(ctx, next, runtime, false);
        const declared = Number(ctx.get('Content-Length') || 0);
        if (declared > MAX_GRAPHQL_BODY) return bypass(ctx, next, runtime, false);
        // A JSON body has been read and checked by `global::json-body` (config/middlewares.ts); others are read here.
        const raw =
          typeof ctx.request.rawBody === 'string'
            ? Buffer.from(ctx.request.rawBody)
            : await readBody(ctx.req, MAX_GRAPHQL_BODY);
        if (raw === null) ctx.throw(413, 'GraphQL request body too large');
        let payload: unknown = ctx.request.body;
        if (typeof ctx.request.rawBody !== 'string') {
          try {
            payload = JSON.parse(raw!.toString('utf8'));
          } catch {
            replayBody(ctx, raw!);
            return bypass(ctx, next, runtime, false);
          }
          // The GraphQL plugin's body parser leaves a body that is already there alone.
          ctx.request.body = payload;
          ctx.request.rawBody = raw!.toString('utf8');
        }
        if (raw!.length > runtime.options.graphql.maxBodyKb * 1024)
          return bypass(ctx, next, runtime, false);
        const verdict = runtime.graphql.classify(payload);
        if (!verdict.cacheable) return bypass(ctx, next, runtime, false);
        return serveCached(ctx, next, runtime, verdict.key, decision.cacheControl, true);
      }
      default:
        return runScoped(runtime, next);
    }
  };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  responseCacheMiddleware(strapi);
