// First: tracing wraps http, undici and pg as they load (docs/operations.md "Traces").
import '@reglament/shared/telemetry';
import { runStandalone } from '@reglament/shared/platform';
import { startContracts } from './app';
import { contractsConfigShape } from './config';

runStandalone('contracts', contractsConfigShape, process.env, (platform, config) =>
  startContracts(platform, {
    port: config.CONTRACTS_PORT,
    jwtSecret: config.JWT_SECRET,
    ...(config.ADMIN_EMAIL ? { adminEmail: config.ADMIN_EMAIL } : {}),
    ...(config.ADMIN_PASSWORD ? { adminPassword: config.ADMIN_PASSWORD } : {}),
    demoData: config.DEMO_DATA,
    dataDir: config.DATA_DIR,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  }),
);
