import type { AnyEventEnvelope } from '@reglament/shared/domain';
import {
  type Platform,
  type RunningService,
  ServiceRuntime,
  type StorageSettings,
  type Tx,
} from '@reglament/shared/platform';
import { AdvisoryDeliveries } from './application/advisory-deliveries';
import { Deliveries } from './application/deliveries';
import { Followers } from './application/followers';
import { NotificationInbox } from './application/inbox';
import { DEFAULT_EMAIL_IN, EmailIntake, type EmailInSettings } from './application/intake';
import { EmailQuarantine } from './application/quarantine';
import { createMailTransport, MailComposer, type MailSettings, mailSettings } from './application/mail';
import { NotificationRecorder } from './application/recorder';
import { TextRenderer } from './application/render';
import { startSmtpListener } from './application/smtp-listener';
import { WebhookSender, type WebhookSenderSettings } from './application/webhook-sender';
import { Webhooks, type WebhookSettings } from './application/webhooks';
import { WEBHOOK_EVENTS } from './domain/webhooks';
import { buildNotificationsSchema } from './graphql/schema';
import { Notifications1763700000400 } from './infra/migrations/1763700000400-notifications';
import { NotificationRules1763700000410 } from './infra/migrations/1763700000410-notification-rules';
import { Deliveries1763700000420 } from './infra/migrations/1763700000420-deliveries';
import { TicketFollowers1796674152439 } from './infra/migrations/1796674152439-TicketFollowers';
import { EmailIntake1796674194550 } from './infra/migrations/1796674194550-EmailIntake';
import { DeliveryAttemptLog1796677420524 } from './infra/migrations/1796677420524-DeliveryAttemptLog';
import { Webhooks1796684340207 } from './infra/migrations/1796684340207-Webhooks';
import { domainHandlers } from './messaging/handlers';
import { notificationsEntities } from './infra/entities';

export { notificationsEntities };

export const notificationsMigrations = [
  Notifications1763700000400,
  NotificationRules1763700000410,
  Deliveries1763700000420,
  TicketFollowers1796674152439,
  EmailIntake1796674194550,
  DeliveryAttemptLog1796677420524,
  Webhooks1796684340207,
];

export interface NotificationsSettings extends StorageSettings {
  port: number;
  /** E-mail (defaults: .eml files under `<dataDir>/mail/`, From noreply@reglament.local). */
  mail?: Partial<Omit<MailSettings, 'dataDir'>>;
  /** The inbound e-mail channel (docs/email.md); `smtpPort` unset: no SMTP listener (0: any free port). */
  emailIn?: Partial<EmailInSettings> & { smtpPort?: number | undefined; smtpHost?: string | undefined };
  /** Partner webhooks (defaults: WEBHOOK_DEFAULTS); `pollMs` is how often the sender looks for due deliveries. */
  webhooks?: Partial<WebhookSenderSettings & WebhookSettings & { pollMs: number }>;
}

/** The webhook defaults (docs/notifications.md "Webhooks"). */
export const WEBHOOK_DEFAULTS: WebhookSenderSettings & WebhookSettings & { pollMs: number } = {
  retryBaseMs: 5000,
  timeoutMs: 10_000,
  disableAfterMs: 72 * 3600_000,
  maxPerOrganization: 10,
  pollMs: 500,
};

/** The composition root of the notifications subgraph. */
/** The running service, with its sender (tests wake it instead of waiting for its interval). */
export interface RunningNotifications extends RunningService {
  deliveries: Deliveries;
  /** The webhook sender (tests wake it instead of waiting for its interval). */
  webhookSender: WebhookSender;
  /** The port of the SMTP intake listener, when it runs. */
  smtpInPort: number | null;
}

export async function startNotifications(
  platform: Platform,
  settings: NotificationsSettings,
): Promise<RunningNotifications> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'notifications',
    ...settings,
    entities: notificationsEntities,
    migrations: notificationsMigrations,
  });
  try {
    const mail = mailSettings({ ...settings.mail, dataDir: settings.dataDir });
    const transport = createMailTransport(mail);
    const deliveries = new Deliveries(
      runtime.dataSource,
      platform.clock,
      new MailComposer(mail),
      transport,
      mail.maxAttempts,
      runtime.log,
    );
    deliveries.start();
    runtime.lifecycle.add('e-mail sender', () => deliveries.stop());
    runtime.log.info({ transport: transport.description }, 'e-mail goes out by this transport');
    const renderer = new TextRenderer();
    const recorder = new NotificationRecorder(renderer, [deliveries.queue]);
    const { smtpPort, smtpHost, ...emailIn } = settings.emailIn ?? {};
    const intake = new EmailIntake(
      runtime.dataSource,
      runtime.transactions,
      platform.clock,
      deliveries,
      renderer,
      mail,
      { ...DEFAULT_EMAIL_IN, ...definedOnly(emailIn) },
      runtime.log,
    );
    const webhookSettings = { ...WEBHOOK_DEFAULTS, ...definedOnly(settings.webhooks ?? {}) };
    const webhooks = new Webhooks(runtime.dataSource, platform.clock, webhookSettings);
    const webhookSender = new WebhookSender(
      runtime.dataSource,
      runtime.transactions,
      platform.clock,
      recorder,
      webhookSettings,
      runtime.log,
    );
    webhooks.sendPing = webhookSender.sendPing;
    webhookSender.start(webhookSettings.pollMs);
    runtime.lifecycle.add('webhook sender', () => webhookSender.stop());
    const app = {
      webhooks,
      inbox: new NotificationInbox(runtime.dataSource, platform.clock),
      deliveries,
      followers: new Followers(runtime.dataSource, platform.clock),
      intake,
      advisoryDeliveries: new AdvisoryDeliveries(runtime.dataSource),
      quarantine: new EmailQuarantine(runtime.dataSource, runtime.transactions, intake),
    };
    const handlers = domainHandlers(recorder);
    // A refused e-mail registration: the intake tells the sender (docs/email.md).
    handlers.tickets['tickets.email.refused'] = (event, tx) => intake.refused(event.data, tx);
    // Partner webhooks: every subscribable event also fans out to its organization's webhooks (issue 17).
    for (const type of WEBHOOK_EVENTS) {
      const domain = type.split('.')[0] as keyof typeof handlers;
      const own = handlers[domain][type] as ((event: AnyEventEnvelope, tx: Tx) => Promise<void>) | undefined;
      (handlers[domain] as Record<string, (event: AnyEventEnvelope, tx: Tx) => Promise<void>>)[type] = async (
        event,
        tx,
      ) => {
        if (own) await own(event, tx);
        await webhooks.fanOut(event, tx);
      };
    }
    // Contracts first: people and contracts are known before the tickets that name them.
    await runtime.consume('contracts', handlers.contracts);
    await runtime.consume('tickets', handlers.tickets);
    await runtime.consume('sla', handlers.sla);
    const server = await runtime.serve(await buildNotificationsSchema(), settings.port, (caller) => ({ caller, app }), {
      // receiveEmail carries a whole mail.
      maxBodyBytes: Math.ceil(intake.maxBytes * 1.1) + 64 * 1024,
    });
    let smtpInPort: number | null = null;
    if (smtpPort !== undefined) {
      const listener = await startSmtpListener(intake, {
        port: smtpPort,
        host: smtpHost ?? '127.0.0.1',
        log: runtime.log,
      });
      runtime.lifecycle.add('SMTP intake', () => listener.close());
      smtpInPort = listener.port;
    }
    return {
      name: 'notifications',
      url: server.url,
      port: server.port,
      runtime,
      deliveries,
      webhookSender,
      smtpInPort,
      stop: () => runtime.stop(),
    };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
