import { env, platformConfigShape } from '@reglament/shared/platform';

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const ticketsConfigShape = {
  ...platformConfigShape,
  TICKETS_PORT: env.port(4001),
  TICKETS_ATTACHMENT_MAX_BYTES: env.integer(
    DEFAULT_ATTACHMENT_MAX_BYTES,
    1,
    100 * 1024 * 1024,
    'largest attachment in bytes',
  ),
};
