import { env, platformConfigShape } from '@reglament/shared/platform';

export const slaConfigShape = {
  ...platformConfigShape,
  SLA_PORT: env.port(4002),
  /** Set: GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: env.optionalSecret('bearer token of the Prometheus scraper'),
};
