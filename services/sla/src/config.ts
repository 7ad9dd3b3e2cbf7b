import { env, platformConfigShape } from '@reglament/shared';

export const slaConfigShape = {
  ...platformConfigShape,
  SLA_PORT: env.port(4002),
};
