import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared/platform';
import { NotificationInbox } from './application/inbox';
import { buildNotificationsSchema } from './graphql/schema';
import { NotificationEntity } from './infra/entities';
import { Notifications1763700000400 } from './infra/migrations/1763700000400-notifications';
import { ticketsHandlers } from './messaging/tickets-consumer';

export const notificationsEntities = [NotificationEntity];
export const notificationsMigrations = [Notifications1763700000400];

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
    const app = { inbox: new NotificationInbox(runtime.dataSource, platform.clock) };
    await runtime.consume('tickets', ticketsHandlers);
    const server = await runtime.serve(await buildNotificationsSchema(), settings.port, (caller) => ({ caller, app }));
    return { name: 'notifications', url: server.url, port: server.port, runtime, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
