import { runStandalone } from '@reglament/shared';
import { startContracts } from './app';
import { contractsConfigShape } from './config';

runStandalone('contracts', contractsConfigShape, process.env, (platform, config) =>
  startContracts(platform, {
    port: config.CONTRACTS_PORT,
    dataDir: config.DATA_DIR,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  }),
);
