import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared';
import { Compliance } from './application/compliance';
import { ContractCalendars } from './application/contract-calendars';
import { FailureReports } from './application/failure-reports';
import { SlaScheduler } from './application/scheduler';
import { TicketClocks } from './application/ticket-clocks';
import { PRESET_POLICIES } from './domain/presets';
import { createLoaders, type SlaApp } from './graphql/context';
import { buildSlaSchema } from './graphql/schema';
import {
  SlaContractEntity,
  SlaFailureReportEntity,
  SlaHistoryEntity,
  SlaReleaseEntity,
  SlaTicketEntity,
  SlaTimerEntity,
} from './infra/entities';
import { SlaTimers1763700000300 } from './infra/migrations/1763700000300-sla-timers';
import { SlaEngine1795299140908 } from './infra/migrations/1795299140908-SlaEngine';
import { ContractCalendars1795300715004 } from './infra/migrations/1795300715004-ContractCalendars';
import { MonotonicEvaluation1795306518613 } from './infra/migrations/1795306518613-MonotonicEvaluation';
import { ReleaseEventOrder1795307927597 } from './infra/migrations/1795307927597-ReleaseEventOrder';
import { ContractEventOrder1795400000000 } from './infra/migrations/1795400000000-ContractEventOrder';
import { contractsHandlers } from './messaging/contracts-consumer';
import { ticketsHandlers } from './messaging/tickets-consumer';

export const slaEntities = [
  SlaTimerEntity,
  SlaTicketEntity,
  SlaHistoryEntity,
  SlaReleaseEntity,
  SlaContractEntity,
  SlaFailureReportEntity,
];
export const slaMigrations = [
  SlaTimers1763700000300,
  SlaEngine1795299140908,
  ContractCalendars1795300715004,
  MonotonicEvaluation1795306518613,
  ReleaseEventOrder1795307927597,
  ContractEventOrder1795400000000,
];

export interface SlaSettings extends StorageSettings {
  port: number;
  /** Run the due-timer scheduler in this process (default true). */
  scheduler?: boolean;
}

/** The composition root of the SLA subgraph: DB -> migrations -> relay -> consumers -> scheduler -> server. */
export async function startSla(platform: Platform, settings: SlaSettings): Promise<RunningService & { app: SlaApp }> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'sla',
    ...settings,
    entities: slaEntities,
    migrations: slaMigrations,
  });
  try {
    const { dataSource, transactions } = runtime;
    let scheduler: SlaScheduler | null = null;
    const calendars = new ContractCalendars();
    const clocks = new TicketClocks(
      { log: runtime.log, policies: PRESET_POLICIES, calendar: (id, contract) => calendars.calendarFor(id, contract) },
      // A new earlier due instant wakes the scheduler (after the commit that wrote it).
      (at) => setTimeout(() => scheduler?.wake(at), 20).unref(),
    );
    scheduler = new SlaScheduler({ transactions, clocks, clock: platform.clock, log: runtime.log });
    const app: SlaApp = {
      dataSource,
      transactions,
      clock: platform.clock,
      clockControl: platform.clockControl,
      clocks,
      scheduler,
      failureReports: new FailureReports(transactions, platform.clock, clocks),
      compliance: new Compliance(dataSource),
    };
    await runtime.consume('tickets', ticketsHandlers(clocks, platform.clock));
    await runtime.consume('contracts', contractsHandlers(clocks, platform.clock));
    if (settings.scheduler !== false) {
      scheduler.start();
      runtime.lifecycle.add('scheduler', () => scheduler.stop());
    }
    const server = await runtime.serve(await buildSlaSchema(), settings.port, (caller) => ({
      caller,
      app,
      loaders: createLoaders(app),
    }));
    return { name: 'sla', url: server.url, port: server.port, runtime, app, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
