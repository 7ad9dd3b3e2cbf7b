import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { KeyValueStore, Logger } from '@reglament/shared/platform';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Apollo Server's cache interface for automatic persisted queries (`persistedQueries.cache`). */
export type ApqCache = NonNullable<
  Exclude<ApolloServerOptions<BaseContext>['persistedQueries'], false | undefined>['cache']
>;

/** A registered query stays this long in the shared bucket (an unused one is registered again). */
export const APQ_TTL_MS = 7 * 24 * 3600_000;
/** The shared bucket's size limit: registrations are cheap to redo, unbounded storage is not. */
export const APQ_BUCKET_BYTES = 256 * 1024 * 1024;
/** The largest query that is registered (a real operation is a few KB; anything bigger runs unregistered). */
export const APQ_MAX_QUERY_BYTES = 64 * 1024;
/** What the in-memory copy may hold in all. */
const APQ_MEMORY_BYTES = 64 * 1024 * 1024;

/**
 * Registrations of automatic persisted queries (hash -> query text). In memory (an LRU) on
 * every replica; with a shared store behind it (NATS KV in distributed mode), a query
 * registered on one replica is found by all the others.
 */
export class PersistedQueryCache implements ApqCache {
  private readonly local: LRUCache<string, string>;

  constructor(
    maxEntries: number,
    private readonly shared: KeyValueStore | null,
    private readonly log: Logger,
  ) {
    this.local = new LRUCache({ max: maxEntries, maxSize: APQ_MEMORY_BYTES, sizeCalculation: (v) => v.length || 1 });
  }

  async get(key: string): Promise<string | undefined> {
    const hit = this.local.get(key);
    if (hit !== undefined || !this.shared) return hit;
    const value = await this.shared.get(storeKey(key)).catch((error: unknown) => {
      this.log.warn({ err: error }, 'persisted query store unavailable; answering from memory only');
      return null;
    });
    if (value === null) return undefined;
    // Whatever the shared store holds must be what the hash names (a store written by someone else).
    if (!key.endsWith(createHash('sha256').update(value).digest('hex'))) {
      this.log.warn({ key }, 'persisted query store held a query that does not match its hash; ignored');
      return undefined;
    }
    this.local.set(key, value);
    return value;
  }

  async set(key: string, value: string): Promise<void> {
    if (Buffer.byteLength(value) > APQ_MAX_QUERY_BYTES) return; // not kept; the client sends it again
    this.local.set(key, value);
    await this.shared?.put(storeKey(key), value);
  }

  async delete(key: string): Promise<boolean> {
    return this.local.delete(key);
  }
}

/** Apollo keys look like `apq:<sha256>`; NATS KV keys allow `[-/_=.a-zA-Z0-9]`. */
function storeKey(key: string): string {
  return key.replace(/[^-/_=.a-zA-Z0-9]/g, '_');
}
