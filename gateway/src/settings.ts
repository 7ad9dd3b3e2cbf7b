/** The guard's limits. Every one has a default a real deployment can live with. */
export interface GatewayLimits {
  /** Largest request body (413 above). */
  maxBodyBytes: number;
  /** Deepest nesting of selection sets, fragments expanded. */
  maxDepth: number;
  /** Largest estimated cost (fields, multiplied by the page sizes of lists). */
  maxCost: number;
  /** Aliases and directives per operation, fragments expanded. */
  maxAliases: number;
  maxDirectives: number;
  /** Requests of one caller being answered at once (HTTP, sockets and downloads together). */
  maxInFlightPerCaller: number;
  /** Largest answer to one request, in bytes (subgraph answers are counted as they arrive). */
  maxResponseBytes: number;
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
  // graphql-armor's advice is 15 aliases; the subscription examples and wallboards alias more.
  maxAliases: 200,
  maxDirectives: 50,
  // A browser opens at most 6 connections to an origin; a portal rarely has more requests pending.
  maxInFlightPerCaller: 16,
  // A page of 100 tickets with their threads is well under 1 MiB; files are downloaded, not inlined.
  maxResponseBytes: 8 * 1024 * 1024,
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
