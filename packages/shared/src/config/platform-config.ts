import { env } from './config';

/** Variables every subgraph reads. Each service adds its own beside these. */
export const platformConfigShape = {
  DATABASE_URL: env.postgresUrl(),
  DATA_DIR: env.path('.data'),
  /** Where the subgraph listens: loopback by default, only the gateway should reach it (HOST=0.0.0.0 in containers). */
  HOST: env.host('127.0.0.1'),
  NATS_URL: env.natsUrl(),
  EVENT_PREFIX: env.identifier('reglament'),
  INTERNAL_SECRET: env.secret('HMAC key the gateway signs callers with'),
  TEST_CLOCK: env.flag(false),
  LOG_LEVEL: env.logLevel(),
  /** A consumer parks an event its handler failed this many times (the consumer goes on). */
  PARK_AFTER_ATTEMPTS: env.integer(5, 1, 1000, 'failed attempts before a consumer parks an event'),
  /** Set: GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: env.optionalSecret('bearer token of the Prometheus scraper'),
  /** Inbox rows are kept the 10-minute duplicate window plus this many hours. */
  INBOX_KEEP_HOURS: env.integer(24, 1, 24 * 365, 'hours inbox rows are kept beyond the duplicate window'),
  /** Published outbox rows are kept this many hours (for inspection). */
  OUTBOX_KEEP_HOURS: env.integer(1, 0, 24 * 365, 'hours published outbox rows are kept'),
};
