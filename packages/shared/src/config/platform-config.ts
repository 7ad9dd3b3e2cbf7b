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
};
