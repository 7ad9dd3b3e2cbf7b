import { env, platformConfigShape } from '@reglament/shared';

export const contractsConfigShape = {
  ...platformConfigShape,
  CONTRACTS_PORT: env.port(4003),
};
