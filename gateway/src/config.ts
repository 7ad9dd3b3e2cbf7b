import { env } from '@reglament/shared/platform';
import { z } from 'zod';
import { DEFAULT_LIMITS, type GatewayLimits } from './settings';

export const gatewayConfigShape = {
  GATEWAY_PORT: env.port(4000),
  /** The gateway is the door: every interface by default. */
  HOST: env.host('0.0.0.0'),
  JWT_SECRET: env.optionalSecret('HS256 key of access tokens'),
  JWT_JWKS_URL: env.optionalUrl(),
  /** Set: GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: env.optionalSecret('bearer token of the Prometheus scraper'),
  INTERNAL_SECRET: env.secret('HMAC key the gateway signs callers with'),
  TICKETS_URL: env.optionalUrl(),
  SLA_URL: env.optionalUrl(),
  CONTRACTS_URL: env.optionalUrl(),
  NOTIFICATIONS_URL: env.optionalUrl(),
  NATS_URL: env.natsUrl(),
  EVENT_PREFIX: env.identifier('reglament'),
  TEST_CLOCK: env.flag(false),
  LOG_LEVEL: env.logLevel(),
  /** Development: introspection for everyone; INTROSPECT_SUBGRAPHS allowed. Never in production. */
  GATEWAY_DEVELOPMENT: env.flag(false),
  INTROSPECT_SUBGRAPHS: env.flag(false),
  /** The GraphQL IDE at GET /graphql for browsers: on in development; in production only with GATEWAY_IDE=1. */
  GATEWAY_IDE: env.flag(false),
  /** Trusted documents: one folder per partner with its manifest.json. */
  PERSISTED_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('must be a folder of partner manifests (default gateway/persisted)'),
  PARTNER_KEYS_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('must be the path of the partner keys file (default <DATA_DIR>/partner-keys.json)'),
  DATA_DIR: env.path('.data'),
  /** Browser apps allowed to call the API: origins separated by commas (https://portal.example.com), or *. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .describe('must be origins separated by commas, e.g. https://portal.example.com,https://wall.example.com, or *'),
  /** Let browsers send credentials (cookies); refused together with CORS_ORIGINS=*. */
  CORS_ALLOW_CREDENTIALS: env.flag(false),
  /** Reverse proxies in front that append the client to X-Forwarded-For (0: clients connect directly). */
  TRUST_PROXY_HOPS: env.integer(0, 0, 10, 'number of trusted reverse proxies in front of the gateway'),
  ...limitShape(),
};

/** Every limit of the guard, overridable by an environment variable of the same name. */
function limitShape() {
  const d = DEFAULT_LIMITS;
  return {
    MAX_BODY_BYTES: env.integer(d.maxBodyBytes, 1024, 50_000_000, 'largest request body in bytes'),
    MAX_DEPTH: env.integer(d.maxDepth, 2, 100, 'deepest selection nesting of an operation'),
    MAX_COST: env.integer(d.maxCost, 10, 10_000_000, 'largest estimated cost of an operation'),
    MAX_ALIASES: env.integer(d.maxAliases, 1, 100_000, 'aliases per operation'),
    MAX_DIRECTIVES: env.integer(d.maxDirectives, 1, 100_000, 'directives per operation'),
    MAX_IN_FLIGHT_PER_CALLER: env.integer(d.maxInFlightPerCaller, 1, 10_000, 'requests of one caller at once'),
    MAX_RESPONSE_BYTES: env.integer(d.maxResponseBytes, 1024, 1_000_000_000, 'largest answer in bytes'),
    RATE_LIMIT_PER_MINUTE: env.integer(d.rateLimitPerMinute, 1, 1_000_000, 'requests per caller and minute'),
    RATE_LIMIT_BURST: env.integer(d.rateLimitBurst, 1, 1_000_000, 'requests a caller may send at once'),
    WS_MAX_CONNECTIONS: env.integer(d.maxConnections, 1, 1_000_000, 'graphql-ws connections per gateway'),
    WS_MAX_SUBSCRIPTIONS: env.integer(d.maxSubscriptionsPerConnection, 1, 10_000, 'operations per connection'),
    WS_INIT_TIMEOUT_MS: env.integer(d.connectionInitTimeoutMs, 100, 120_000, 'ms to wait for connection_init'),
    WS_PING_INTERVAL_MS: env.integer(d.pingIntervalMs, 1000, 600_000, 'ms between pings to idle sockets'),
    SUBSCRIBER_QUEUE: env.integer(d.subscriberQueue, 1, 100_000, 'unsent results kept per subscriber'),
    APQ_CACHE_ENTRIES: env.integer(d.apqCacheEntries, 10, 10_000_000, 'persisted queries kept in memory'),
  };
}

export function limitsFromConfig(config: {
  [K in keyof ReturnType<typeof limitShape>]: number;
}): GatewayLimits {
  return {
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxDepth: config.MAX_DEPTH,
    maxCost: config.MAX_COST,
    maxAliases: config.MAX_ALIASES,
    maxDirectives: config.MAX_DIRECTIVES,
    maxInFlightPerCaller: config.MAX_IN_FLIGHT_PER_CALLER,
    maxResponseBytes: config.MAX_RESPONSE_BYTES,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    rateLimitBurst: config.RATE_LIMIT_BURST,
    maxConnections: config.WS_MAX_CONNECTIONS,
    maxSubscriptionsPerConnection: config.WS_MAX_SUBSCRIPTIONS,
    connectionInitTimeoutMs: config.WS_INIT_TIMEOUT_MS,
    pingIntervalMs: config.WS_PING_INTERVAL_MS,
    subscriberQueue: config.SUBSCRIBER_QUEUE,
    apqCacheEntries: config.APQ_CACHE_ENTRIES,
  };
}

/** The GraphQL IDE at GET /graphql: in development, or in production when GATEWAY_IDE=1 asks for it. */
export function ideEnabled(config: { GATEWAY_DEVELOPMENT: boolean; GATEWAY_IDE: boolean }): boolean {
  return config.GATEWAY_DEVELOPMENT || config.GATEWAY_IDE;
}
