import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared';
import { createLoaders, type SlaApp } from './graphql/context';
import { buildSlaSchema } from './graphql/schema';
import { SlaTimerEntity } from './infra/entities';
import { SlaTimers1763700000300 } from './infra/migrations/1763700000300-sla-timers';
import { ticketsHandlers } from './messaging/tickets-consumer';

export const slaEntities = [SlaTimerEntity];
export const slaMigrations = [SlaTimers1763700000300];

export interface SlaSettings extends StorageSettings {
  port: number;
}

/** The composition root of the SLA subgraph. */
export async function startSla(platform: Platform, settings: SlaSettings): Promise<RunningService> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'sla',
    ...settings,
    entities: slaEntities,
    migrations: slaMigrations,
  });
  try {
    const app: SlaApp = { dataSource: runtime.dataSource, clock: platform.clock, clockControl: platform.clockControl };
    await runtime.consume('tickets', ticketsHandlers);
    const server = await runtime.serve(await buildSlaSchema(), settings.port, (caller) => ({
      caller,
      app,
      loaders: createLoaders(app),
    }));
    return { name: 'sla', url: server.url, port: server.port, runtime, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
