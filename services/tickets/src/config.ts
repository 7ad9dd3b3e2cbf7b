import { env, platformConfigShape } from '@reglament/shared';

export const ticketsConfigShape = {
  ...platformConfigShape,
  TICKETS_PORT: env.port(4001),
};
