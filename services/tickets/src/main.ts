// First: tracing wraps http, undici and pg as they load (docs/operations.md "Traces").
import '@reglament/shared/telemetry';
import { runStandalone } from '@reglament/shared/platform';
import { startTickets } from './app';
import { ticketsConfigShape } from './config';

runStandalone('tickets', ticketsConfigShape, process.env, (platform, config) =>
  startTickets(platform, {
    port: config.TICKETS_PORT,
    dataDir: config.DATA_DIR,
    attachmentMaxBytes: config.TICKETS_ATTACHMENT_MAX_BYTES,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  }),
);
