import { env, platformConfigShape } from '@reglament/shared/platform';

export const contractsConfigShape = {
  ...platformConfigShape,
  CONTRACTS_PORT: env.port(4003),
  JWT_SECRET: env.secret('HS256 key of the access tokens login issues; the gateway verifies with the same key'),
  ADMIN_EMAIL: env.optionalEmail('the first admin, created at first start'),
  ADMIN_PASSWORD: env.optionalPassword('the first admin, created at first start'),
  DEMO_DATA: env.flag(false),
};
