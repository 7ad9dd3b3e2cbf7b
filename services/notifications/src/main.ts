// First: tracing wraps http, undici and pg as they load (docs/operations.md "Traces").
import '@reglament/shared/telemetry';
import { runStandalone } from '@reglament/shared/platform';
import { startNotifications } from './app';
import { notificationsConfigShape } from './config';

runStandalone('notifications', notificationsConfigShape, process.env, (platform, config) =>
  startNotifications(platform, {
    port: config.NOTIFICATIONS_PORT,
    dataDir: config.DATA_DIR,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    mail: {
      smtpUrl: config.SMTP_URL,
      from: config.MAIL_FROM,
      ...(config.MAIL_DOMAIN ? { domain: config.MAIL_DOMAIN } : {}),
      portalUrl: config.PORTAL_URL,
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
    },
  }),
);
