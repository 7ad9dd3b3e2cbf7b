/** The guard's limits. Every one has a default a real deployment can live with. */
export interface GatewayLimits {
  /** Largest request body (413 above). */
  maxBodyBytes: number;
  /** Deepest nesting of selection sets, fragments expanded. */
  maxDepth: number;
  /** Largest estimated cost (fields, multiplied by the page sizes of lists). */
  maxCost: number;
  /** Token bucket per caller: refill per minute, and how many at once. */
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  /** graphql-ws: connections per gateway, operations per connection, init timeout, ping interval. */
  maxConnections: number;
  maxSubscriptionsPerConnection: number;
  connectionInitTimeoutMs: number;
  pingIntervalMs: number;
  /** Unsent results kept per subscriber before the oldest is replaced or dropped. */
  subscriberQueue: number;
  /** Automatic persisted queries kept in this replica's memory (NATS KV behind it when distributed). */
  apqCacheEntries: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  // Room for one attachment at the tickets service's default limit (10 MiB, base64 in JSON: ~14 MB).
  maxBodyBytes: 15_000_000,
  maxDepth: 12,
  maxCost: 20_000,
  // Generous: a person at a portal sends a few requests a second; a seeding script may send bursts.
  rateLimitPerMinute: 6_000,
  rateLimitBurst: 1_000,
  maxConnections: 20_000,
  maxSubscriptionsPerConnection: 50,
  connectionInitTimeoutMs: 3_000,
  pingIntervalMs: 12_000,
  subscriberQueue: 100,
  apqCacheEntries: 10_000,
};
