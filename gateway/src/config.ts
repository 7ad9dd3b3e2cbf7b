import { env } from '@reglament/shared';
import { z } from 'zod';

export const gatewayConfigShape = {
  GATEWAY_PORT: env.port(4000),
  JWT_SECRET: env.optionalSecret('HS256 key of access tokens'),
  JWT_JWKS_URL: env.optionalUrl(),
  INTERNAL_SECRET: env.secret('HMAC key the gateway signs callers with'),
  TICKETS_URL: env.optionalUrl(),
  SLA_URL: env.optionalUrl(),
  CONTRACTS_URL: env.optionalUrl(),
  NOTIFICATIONS_URL: env.optionalUrl(),
  NATS_URL: env.natsUrl(),
  EVENT_PREFIX: env.identifier('reglament'),
  TEST_CLOCK: env.flag(false),
  LOG_LEVEL: env.logLevel(),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50_000_000)
    .default(1_000_000)
    .describe('must be a byte count from 1024 to 50000000'),
};
