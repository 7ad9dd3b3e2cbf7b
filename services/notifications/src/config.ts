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

export const notificationsConfigShape = {
  ...platformConfigShape,
  ...mailConfigShape,
  NOTIFICATIONS_PORT: env.port(4004),
};
