import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared';
import { TicketQueries } from './application/queries';
import { Registration } from './application/registration';
import type { TicketsApp } from './graphql/context';
import { buildTicketsSchema } from './graphql/schema';
import { KnownContractEntity, TicketEntity, TicketNumberCounterEntity } from './infra/entities';
import { Tickets1763700000200 } from './infra/migrations/1763700000200-tickets';
import { contractsHandlers } from './messaging/contracts-consumer';

export const ticketsEntities = [TicketEntity, TicketNumberCounterEntity, KnownContractEntity];
export const ticketsMigrations = [Tickets1763700000200];

export interface TicketsSettings extends StorageSettings {
  port: number;
}

/** The composition root of the tickets subgraph: DB -> migrations -> relay -> consumers -> server. */
export async function startTickets(platform: Platform, settings: TicketsSettings): Promise<RunningService> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'tickets',
    ...settings,
    entities: ticketsEntities,
    migrations: ticketsMigrations,
  });
  try {
    const { dataSource, transactions } = runtime;
    const app: TicketsApp = {
      dataSource,
      registration: new Registration(transactions, platform.clock),
      queries: new TicketQueries(dataSource),
    };
    await runtime.consume('contracts', contractsHandlers);
    const server = await runtime.serve(await buildTicketsSchema(), settings.port, (caller) => ({ caller, app }));
    return { name: 'tickets', url: server.url, port: server.port, runtime, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
