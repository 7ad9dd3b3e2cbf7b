import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared/platform';
import { NotificationInbox } from './application/inbox';
import { NotificationRecorder } from './application/recorder';
import { TextRenderer } from './application/render';
import { buildNotificationsSchema } from './graphql/schema';
import { Notifications1763700000400 } from './infra/migrations/1763700000400-notifications';
import { NotificationRules1763700000410 } from './infra/migrations/1763700000410-notification-rules';
import { domainHandlers } from './messaging/handlers';
import { notificationsEntities } from './infra/entities';

export { notificationsEntities };

export const notificationsMigrations = [Notifications1763700000400, NotificationRules1763700000410];

export interface NotificationsSettings extends StorageSettings {
  port: number;
}

/** The composition root of the notifications subgraph. */
export async function startNotifications(platform: Platform, settings: NotificationsSettings): Promise<RunningService> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'notifications',
    ...settings,
    entities: notificationsEntities,
    migrations: notificationsMigrations,
  });
  try {
    const renderer = new TextRenderer();
    const recorder = new NotificationRecorder(renderer);
    const app = { inbox: new NotificationInbox(runtime.dataSource, platform.clock) };
    const handlers = domainHandlers(recorder);
    // Contracts first: people and contracts are known before the tickets that name them.
    await runtime.consume('contracts', handlers.contracts);
    await runtime.consume('tickets', handlers.tickets);
    await runtime.consume('sla', handlers.sla);
    const server = await runtime.serve(await buildNotificationsSchema(), settings.port, (caller) => ({ caller, app }));
    return { name: 'notifications', url: server.url, port: server.port, runtime, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
