// In-process copies of the hot reads, invalidated by the database's NOTIFY (migrations/006-cache-invalidation.sql).
// Served only while listening; a load that raced an invalidation is not stored (server/README.md, "Read caches").
import { LRUCache } from 'lru-cache';
import type { Db, ListenHandlers, Listener } from '../db/db';

export const CACHE_CHANNEL = 'lcs_cache';

/** What a notification names: `application:<id>`, `citizen:<id>`, `catalog`, `all`. */
export type CacheTopic = 'application' | 'citizen' | 'catalog';

export interface CacheOptions {
  /** Keys are the ids of this topic's notifications (`application:<id>` evicts the key `<id>`). */
  keyedBy?: Exclude<CacheTopic, 'catalog'>;
  /** Topics whose notifications empty the whole cache. */
  clearedBy?: CacheTopic[];
  /** Most entries kept (least recently used go first). */
  max: number;
  /** A safety net: an entry older than this is read again even if nothing announced a change. */
  ttlMs: number;
}

interface PendingLoad<V> {
  generation: number;
  promise: Promise<V | undefined>;
}

export class InvalidatedCache<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V>;
  private readonly pending = new Map<string, PendingLoad<V>>();
  private generation = 0;

  constructor(
    private readonly isLive: () => boolean,
    readonly options: CacheOptions,
  ) {
    // Ages are read at a 1 s resolution: lru-cache otherwise reads the clock and starts a timer every millisecond
    // it is asked, which a safety net counted in minutes does not need.
    this.entries = new LRUCache<string, V>({ max: options.max, ttl: options.ttlMs, ttlResolution: 1000 });
  }

  /** The cached value, or `load()`'s; `undefined` (not found) is never cached. */
  get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    if (!this.isLive()) return load();
    const hit = this.entries.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const pending = this.pending.get(key);
    if (pending && pending.generation === this.generation) return pending.promise;
    const generation = this.generation;
    const entry: PendingLoad<V> = {
      generation,
      promise: this.loadAndKeep(key, generation, load).finally(() => {
        if (this.pending.get(key) === entry) this.pending.delete(key);
      }),
    };
    this.pending.set(key, entry);
    return entry.promise;
  }

  /** The cached value if there is one (and the process is listening), without loading anything. */
  peek(key: string): V | undefined {
    return this.isLive() ? this.entries.get(key) : undefined;
  }

  private async loadAndKeep(key: string, generation: number, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const value = await load();
    if (value !== undefined && generation === this.generation && this.isLive()) this.entries.set(key, value);
    return value;
  }

  evict(key: string): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface ReadCacheLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** The caches of one API process and the notifications that keep them right. */
export class ReadCaches {
  private live = false;
  private listener: Listener | undefined;
  private readonly caches: Array<Pick<InvalidatedCache<NonNullable<unknown>>, 'options' | 'evict' | 'clear'>> = [];

  constructor(private readonly log?: ReadCacheLog) {}

  /** A new cache, empty and bypassed until `listen()` has started listening. */
  create<V extends NonNullable<unknown>>(options: CacheOptions): InvalidatedCache<V> {
    const cache = new InvalidatedCache<V>(() => this.live, options);
    this.caches.push(cache);
    return cache;
  }

  get listening(): boolean {
    return this.live;
  }

  /** Everything forgotten (a generation bump each, so loads under way are not kept either). */
  clearAll(): void {
    for (const cache of this.caches) cache.clear();
  }

  readonly handlers: ListenHandlers = {
    onNotification: (payload) => this.invalidate(payload),
    onListening: () => {
      this.clearAll();
      if (this.listener || this.live) this.log?.info({ channel: CACHE_CHANNEL }, 'read caches listening again');
      this.live = true;
    },
    onInterrupted: (error) => {
      this.live = false;
      this.clearAll();
      this.log?.warn({ channel: CACHE_CHANNEL, err: { message: error.message } }, 'read caches off: the listening connection was lost');
    },
  };

  private invalidate(payload: string): void {
    const colon = payload.indexOf(':');
    const topic = colon < 0 ? payload : payload.slice(0, colon);
    const id = colon < 0 ? '' : payload.slice(colon + 1);
    for (const cache of this.caches) {
      const { keyedBy, clearedBy = [] } = cache.options;
      if (topic === keyedBy && id) cache.evict(id);
      else if (topic === 'all' || clearedBy.includes(topic as CacheTopic)) cache.clear();
      else if (!['application', 'citizen', 'catalog'].includes(topic)) cache.clear(); // unknown: be safe
    }
  }

  /** Starts listening on the database; until then (and whenever the connection is lost) nothing is cached. */
  async listen(db: Db): Promise<void> {
    this.listener = await db.listen(CACHE_CHANNEL, this.handlers);
  }

  async close(): Promise<void> {
    this.live = false;
    this.clearAll();
    await this.listener?.close();
    this.listener = undefined;
  }
}
