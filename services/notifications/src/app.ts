import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared/platform';
import { Deliveries } from './application/deliveries';
import { Followers } from './application/followers';
import { NotificationInbox } from './application/inbox';
import { createMailTransport, MailComposer, type MailSettings, mailSettings } from './application/mail';
import { NotificationRecorder } from './application/recorder';
import { TextRenderer } from './application/render';
import { buildNotificationsSchema } from './graphql/schema';
import { Notifications1763700000400 } from './infra/migrations/1763700000400-notifications';
import { NotificationRules1763700000410 } from './infra/migrations/1763700000410-notification-rules';
import { Deliveries1763700000420 } from './infra/migrations/1763700000420-deliveries';
import { TicketFollowers1796674152439 } from './infra/migrations/1796674152439-TicketFollowers';
import { domainHandlers } from './messaging/handlers';
import { notificationsEntities } from './infra/entities';

export { notificationsEntities };

export const notificationsMigrations = [
  Notifications1763700000400,
  NotificationRules1763700000410,
  Deliveries1763700000420,
  TicketFollowers1796674152439,
];

export interface NotificationsSettings extends StorageSettings {
  port: number;
  /** E-mail (defaults: .eml files under `<dataDir>/mail/`, From noreply@reglament.local). */
  mail?: Partial<Omit<MailSettings, 'dataDir'>>;
}

/** The composition root of the notifications subgraph. */
/** The running service, with its sender (tests wake it instead of waiting for its interval). */
export interface RunningNotifications extends RunningService {
  deliveries: Deliveries;
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
    const recorder = new NotificationRecorder(new TextRenderer(), [deliveries.queue]);
    const app = {
      inbox: new NotificationInbox(runtime.dataSource, platform.clock),
      deliveries,
      followers: new Followers(runtime.dataSource, platform.clock),
    };
    const handlers = domainHandlers(recorder);
    // Contracts first: people and contracts are known before the tickets that name them.
    await runtime.consume('contracts', handlers.contracts);
    await runtime.consume('tickets', handlers.tickets);
    await runtime.consume('sla', handlers.sla);
    const server = await runtime.serve(await buildNotificationsSchema(), settings.port, (caller) => ({ caller, app }));
    return {
      name: 'notifications',
      url: server.url,
      port: server.port,
      runtime,
      deliveries,
      stop: () => runtime.stop(),
    };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
