/**
 * The in-process store: an LRU bounded in bytes (bodies, headers and keys), each entry tagged with the
 * generation it was computed under. An entry is only ever served when its generation is the current one,
 * so a write (which moves the generation) makes every older entry unreachable at once; they then age out.
 */
import { LRUCache } from 'lru-cache';
import { Entry, entrySize } from './entry';

export interface Tagged {
  generation: string;
  entry: Entry;
}

export interface MemoryStoreStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  evictions: number;
}

export class MemoryStore {
  private readonly lru: LRUCache<string, Tagged>;
  private evictions = 0;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;

  constructor({
    maxBytes,
    maxEntryBytes,
    ttlMs,
  }: {
    maxBytes: number;
    maxEntryBytes: number;
    ttlMs: number;
  }) {
    this.maxBytes = maxBytes;
    this.maxEntryBytes = maxEntryBytes;
    this.lru = new LRUCache<string, Tagged>({
      maxSize: maxBytes,
      maxEntrySize: maxEntryBytes,
      sizeCalculation: (value, key) => Math.max(1, entrySize(value.entry, key)),
      ttl: ttlMs,
      ttlAutopurge: false,
      updateAgeOnGet: false,
      dispose: (_value, _key, reason) => {
        if (reason === 'evict') this.evictions += 1;
      },
    });
  }

  /** The entry stored for `hash` if it was computed under `generation`. */
  get(hash: string, generation: string): Entry | undefined {
    const tagged = this.lru.get(hash);
    return tagged && tagged.generation === generation ? tagged.entry : undefined;
  }

  /** The entry stored for `hash` and its generation, whatever it is (Redis mode asks Redis whether it is current). */
  peek(hash: string): Tagged | undefined {
    return this.lru.get(hash);
  }

  /** Stores unless too large; returns whether it was stored. */
  set(hash: string, generation: string, entry: Entry): boolean {
    if (entrySize(entry, hash) > this.maxEntryBytes) return false;
    this.lru.set(hash, { generation, entry });
    return this.lru.has(hash);
  }

  clear(): void {
    this.lru.clear();
  }

  stats(): MemoryStoreStats {
    return {
      entries: this.lru.size,
      bytes: this.lru.calculatedSize,
      maxBytes: this.maxBytes,
      evictions: this.evictions,
    };
  }
}
