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
    webhooks: {
      retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      disableAfterMs: config.WEBHOOK_DISABLE_AFTER_HOURS * 3600_000,
      maxPerOrganization: config.WEBHOOK_MAX_PER_ORGANIZATION,
    },
    emailIn: {
      smtpPort: config.SMTP_IN_PORT,
      smtpHost: config.SMTP_IN_HOST,
      maxBytes: config.EMAIL_IN_MAX_BYTES,
      attachmentsMaxBytes: config.EMAIL_IN_ATTACHMENTS_MAX_BYTES,
      ratePerHour: config.EMAIL_IN_RATE_PER_HOUR,
      waitMs: config.EMAIL_IN_WAIT_MS,
    },
  }),
);
