import { env, platformConfigShape } from '@reglament/shared/platform';
import { z } from 'zod';

/** E-mail settings (README "Notifications"); read by the standalone service and the launcher. */
export const mailConfigShape = {
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/)
    .optional()
    .describe(
      'must be an smtp:// or smtps:// URL when set (unset: e-mail is written as .eml files under DATA_DIR/mail)',
    ),
  MAIL_FROM: z
    .string()
    .min(3)
    .max(320)
    .default('Reglament <noreply@reglament.local>')
    .describe('must be a From address, e.g. "Support <support@provider.example>"'),
  MAIL_DOMAIN: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,253}$/)
    .optional()
    .describe('must be a domain name (default: the domain of MAIL_FROM)'),
  PORTAL_URL: env.url().default('http://localhost:4000'),
  MAIL_MAX_ATTEMPTS: env.integer(8, 1, 100, 'attempts before an e-mail is DEAD'),
};

/** The inbound e-mail channel (docs/email.md); read by the standalone service and the launcher. */
export const emailInConfigShape = {
  SMTP_IN_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe('must be a TCP port number 0-65535 when set (unset: no SMTP listener; receiveEmail still works)'),
  SMTP_IN_HOST: env.host('127.0.0.1'),
  EMAIL_IN_MAX_BYTES: env.integer(25 * 1024 * 1024, 1024, 100 * 1024 * 1024, 'largest inbound e-mail in bytes'),
  EMAIL_IN_ATTACHMENTS_MAX_BYTES: env.integer(
    512 * 1024,
    0,
    10 * 1024 * 1024,
    'files of one inbound e-mail carried to the ticket, in bytes in all',
  ),
  EMAIL_IN_RATE_PER_HOUR: env.integer(30, 1, 100_000, 'e-mails taken from one sender per hour'),
  EMAIL_IN_WAIT_MS: env.integer(5000, 0, 60_000, 'how long receiveEmail waits for the ticket number'),
};

/** Partner webhooks (docs/notifications.md "Webhooks"); read by the standalone service and the launcher. */
export const webhookConfigShape = {
  WEBHOOK_RETRY_BASE_MS: env.integer(
    5000,
    1,
    3600_000,
    'first wait after a failed webhook delivery, in ms (doubles per attempt)',
  ),
  WEBHOOK_TIMEOUT_MS: env.integer(10_000, 100, 10_000, 'how long one webhook delivery may take, in ms'),
  WEBHOOK_DISABLE_AFTER_HOURS: env.integer(
    72,
    1,
    24 * 90,
    'hours of nothing but failures before a webhook is disabled',
  ),
  WEBHOOK_MAX_PER_ORGANIZATION: env.integer(10, 1, 1000, 'webhooks one organization may have'),
};

export const notificationsConfigShape = {
  ...platformConfigShape,
  ...mailConfigShape,
  ...emailInConfigShape,
  ...webhookConfigShape,
  NOTIFICATIONS_PORT: env.port(4004),
};
