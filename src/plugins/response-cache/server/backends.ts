/**
 * Where entries and the generation live.
 *
 * - `memory` (embedded): entries in this process's LRU; the generation from a file shared by the host's
 *   processes (generation.ts).
 * - `redis`: the generation is a Redis counter and entries are Redis values, shared by every instance;
 *   each instance keeps a local LRU copy too. Every lookup is ONE round trip (a Lua script) that reads the
 *   current generation and, unless the local copy is of that generation, the entry: strictly consistent
 *   across instances. A write INCRs the counter before its call returns.
 *
 * When Redis fails, lookups answer `null` (the request bypasses the cache and reads the database) until a
 * reconnect has bumped the generation again and dropped the local copies: nothing cached before or during
 * the outage is served after it.
 */
import Redis from 'ioredis';
import { decodeEntry, encodeEntry, Entry, MemoryStore } from '../core';
import type { LocalGeneration } from './generation';

export interface Lookup {
  generation: string;
  entry?: Entry;
}

export interface BackendStats {
  mode: 'memory' | 'redis';
  generation: string | null;
  healthy: boolean;
  entries: number;
  bytes: number;
  maxBytes: number;
  evictions: number;
  generationSource: string;
}

export interface Backend {
  readonly mode: 'memory' | 'redis';
  /** The current generation and the entry for `hash` if one of that generation exists; null: unavailable. */
  lookup(hash: string): Promise<Lookup | null>;
  store(hash: string, generation: string, entry: Entry): void;
  /** Moves the generation; resolves once every instance would see it (or the backend is down). */
  bump(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  stats(): BackendStats;
}

type Logger = { info(message: string): void; warn(message: string): void };

export class MemoryBackend implements Backend {
  readonly mode = 'memory' as const;

  constructor(
    private readonly store_: MemoryStore,
    private readonly generation: LocalGeneration
  ) {}

  async lookup(hash: string): Promise<Lookup> {
    const generation = this.generation.read();
    return { generation, entry: this.store_.get(hash, generation) };
  }

  store(hash: string, generation: string, entry: Entry): void {
    this.store_.set(hash, generation, entry);
  }

  async bump(): Promise<void> {
    this.generation.bump();
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {
    this.store_.clear();
  }

  stats(): BackendStats {
    return {
      mode: 'memory',
      generation: this.generation.read(),
      healthy: true,
      generationSource:
        this.generation.kind === 'file'
          ? `file ${(this.generation as { file?: string }).file}`
          : 'process',
      ...this.store_.stats(),
    };
  }
}

// KEYS[1] generation key. ARGV: 1 hash, 2 generation of the local copy ('' if none), 3 entry key prefix,
// 4 initial generation if the counter is missing (a fresh or flushed Redis).
const LOOKUP = `
local g = redis.call('GET', KEYS[1])
if not g then
  redis.call('SET', KEYS[1], ARGV[4], 'NX')
  g = redis.call('GET', KEYS[1])
end
if ARGV[2] ~= '' and g == ARGV[2] then return {g} end
local v = redis.call('GET', ARGV[3] .. g .. ':' .. ARGV[1])
if v then return {g, v} end
return {g}
`;

// KEYS[1] generation key, KEYS[2] entry key. ARGV: 1 generation the entry was computed under, 2 value, 3 ttl s.
// Stored only if no write happened since: an entry of a past generation would never be read anyway.
const STORE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0
`;

// KEYS[1] generation key. ARGV[1] initial value if missing. The initial value is a timestamp in
// microseconds, so a Redis that lost its data never repeats a generation an instance still holds.
const BUMP = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
return redis.call('INCR', KEYS[1])
`;

type ScriptClient = Redis & {
  rcLookupBuffer(
    genKey: string,
    hash: string,
    localGeneration: string,
    entryPrefix: string,
    initial: string
  ): Promise<Buffer[]>;
  rcStore(
    genKey: string,
    entryKey: string,
    generation: string,
    value: Buffer,
    ttl: number
  ): Promise<number>;
  rcBump(genKey: string, initial: string): Promise<number>;
};

const initialGeneration = (): string => String(Date.now() * 1000);

/**
 * A command's reply, or an error after `ms`. Not ioredis's `commandTimeout`: its timer fires before the
 * I/O phase of the event loop, so after any stall longer than the timeout (a large answer being built,
 * a GC pause) every command in flight "timed out" although its reply was already waiting in the socket.
 * Here the verdict waits one more turn (`setImmediate` runs after I/O), so only a Redis that really did
 * not answer is one that timed out.
 */
const withTimeout = <T>(command: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (!settled) {
          settled = true;
          reject(new Error(`Command timed out after ${ms} ms`));
        }
      });
    }, ms);
    command.then(
      (value) => {
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        settled = true;
        clearTimeout(timer);
        reject(error);
      }
    );
  });

/** Consecutive failed lookups that open the circuit (then requests bypass without asking Redis). */
const FAILURES_TO_OPEN = 3;
const PROBE_EVERY_MS = 500;

export class RedisBackend implements Backend {
  readonly mode = 'redis' as const;
  private readonly client: ScriptClient;
  /** Lookups go to Redis. False while disconnected, after repeated failures, or until a needed bump succeeded. */
  private healthy = false;
  /**
   * A bump must succeed before the cache is used again: at start, after the connection was lost (Redis may
   * have restarted or lost data while writes went on) and after a bump of this instance failed.
   */
  private needsBump = true;
  private failures = 0;
  private recovering: Promise<void> | null = null;
  private probe: NodeJS.Timeout | null = null;
  private closed = false;
  private downSince: number | null = null;
  private lastGeneration: string | null = null;
  private readonly genKey: string;
  private readonly entryPrefix: string;
  private readonly ttlSeconds: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly local: MemoryStore,
    {
      url,
      prefix,
      timeoutMs,
      connectTimeoutMs,
      ttlSeconds,
    }: {
      url: string;
      prefix: string;
      timeoutMs: number;
      connectTimeoutMs: number;
      ttlSeconds: number;
    },
    private readonly log: Logger
  ) {
    this.genKey = `${prefix}gen`;
    this.entryPrefix = `${prefix}e:`;
    this.ttlSeconds = ttlSeconds;
    this.timeoutMs = timeoutMs;
    this.client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      // A dead Redis must cost nothing: commands fail at once instead of queueing while disconnected.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => Math.min(100 * times, 1000),
    }) as ScriptClient;
    this.client.defineCommand('rcLookup', { numberOfKeys: 1, lua: LOOKUP });
    this.client.defineCommand('rcStore', { numberOfKeys: 2, lua: STORE });
    this.client.defineCommand('rcBump', { numberOfKeys: 1, lua: BUMP });
    this.client.on('ready', () => this.recover());
    this.client.on('error', (error: Error) => this.open(error));
    this.client.on('close', () => {
      this.needsBump = true;
      this.open(new Error('connection closed'));
    });
  }

  /** Connects (waiting at most the connect timeout): the app starts and serves even without Redis. */
  async start(): Promise<void> {
    try {
      await this.client.connect();
    } catch (error) {
      this.open(error as Error);
      return;
    }
    await this.recovering;
  }

  /** Stops using Redis until `recover` succeeds; says so once per outage. */
  private open(error: Error): void {
    if (this.closed) return;
    if (this.healthy || this.downSince === null) {
      this.downSince = Date.now();
      this.log.warn(
        `response-cache: Redis unavailable (${error.message}); serving from the database until it is back`
      );
    }
    this.healthy = false;
    // Still connected (a timeout): probe. Disconnected: ioredis reconnects and 'ready' recovers.
    if (this.client.status === 'ready' && !this.probe && !this.recovering) {
      this.probe = setTimeout(() => {
        this.probe = null;
        this.recover();
      }, PROBE_EVERY_MS);
      this.probe.unref();
    }
  }

  /** A failed lookup or store: that request bypasses; several in a row open the circuit. */
  private commandFailed(error: Error): void {
    this.failures += 1;
    if (this.failures >= FAILURES_TO_OPEN) this.open(error);
  }

  /**
   * Back to serving after a successful bump when one is needed (every entry of before an outage becomes
   * unreachable, whatever was written meanwhile, and local copies are dropped), else after a PING.
   */
  private recover(): void {
    if (this.closed || this.recovering) return;
    this.recovering = (async () => {
      try {
        if (this.needsBump) {
          this.lastGeneration = String(
            await withTimeout(this.client.rcBump(this.genKey, initialGeneration()), this.timeoutMs)
          );
          this.local.clear();
          this.needsBump = false;
        } else {
          await withTimeout(this.client.ping(), this.timeoutMs);
        }
        if (!this.healthy && this.downSince !== null) {
          this.log.info(
            `response-cache: Redis is back after ${Date.now() - this.downSince} ms; cache in use again`
          );
        }
        this.failures = 0;
        this.downSince = null;
        this.healthy = true;
        this.recovering = null;
      } catch (error) {
        this.recovering = null;
        this.open(error as Error);
      }
    })();
  }

  async lookup(hash: string): Promise<Lookup | null> {
    if (!this.healthy) return null;
    const copy = this.local.peek(hash);
    let reply: Buffer[];
    try {
      reply = await withTimeout(
        this.client.rcLookupBuffer(
          this.genKey,
          hash,
          copy?.generation ?? '',
          this.entryPrefix,
          initialGeneration()
        ),
        this.timeoutMs
      );
    } catch (error) {
      this.commandFailed(error as Error);
      return null;
    }
    this.failures = 0;
    const generation = reply[0].toString();
    this.lastGeneration = generation;
    if (copy && copy.generation === generation) return { generation, entry: copy.entry };
    if (reply[1]) {
      const entry = decodeEntry(reply[1]);
      if (entry) {
        this.local.set(hash, generation, entry);
        return { generation, entry };
      }
    }
    return { generation };
  }

  store(hash: string, generation: string, entry: Entry): void {
    if (!this.healthy) return;
    this.local.set(hash, generation, entry);
    // Not awaited: the answer need not wait, and a late store is refused if a write happened meanwhile.
    withTimeout(
      this.client.rcStore(
        this.genKey,
        `${this.entryPrefix}${generation}:${hash}`,
        generation,
        encodeEntry(entry),
        this.ttlSeconds
      ),
      this.timeoutMs
    ).catch((error: Error) => this.commandFailed(error));
  }

  async bump(): Promise<void> {
    // One retry on a live connection (a timeout); none when disconnected, where it would fail again at once.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        this.lastGeneration = String(
          await withTimeout(this.client.rcBump(this.genKey, initialGeneration()), this.timeoutMs)
        );
        return;
      } catch (error) {
        // Until a bump succeeds this instance serves nothing from the cache; and every instance that lost
        // its connection bumps when it is back.
        this.needsBump = true;
        this.open(error as Error);
        if (this.client.status !== 'ready') return;
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.probe) clearTimeout(this.probe);
    this.local.clear();
    try {
      if (this.client.status === 'ready') await this.client.quit();
      else this.client.disconnect();
    } catch {
      this.client.disconnect();
    }
  }

  stats(): BackendStats {
    return {
      mode: 'redis',
      generation: this.lastGeneration,
      healthy: this.healthy,
      generationSource: `redis ${this.genKey}`,
      ...this.local.stats(),
    };
  }
}
