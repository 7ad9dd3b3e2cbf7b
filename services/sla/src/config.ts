import { env, platformConfigShape } from '@reglament/shared/platform';

export const slaConfigShape = {
  ...platformConfigShape,
  SLA_PORT: env.port(4002),
};
