// First: tracing wraps http, undici and pg as they load (docs/operations.md "Traces").
import '@reglament/shared/telemetry';
import { runStandalone } from '@reglament/shared/platform';
import { startSla } from './app';
import { slaConfigShape } from './config';

runStandalone('sla', slaConfigShape, process.env, (platform, config) =>
  startSla(platform, {
    port: config.SLA_PORT,
    dataDir: config.DATA_DIR,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  }),
);
