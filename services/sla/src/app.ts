import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared/platform';
import { AdvisoryClocks } from './application/advisory-clocks';
import { Compliance } from './application/compliance';
import { Reports } from './application/reports';
import { CalendarCatalog } from './application/calendar-catalog';
import { CoverageWatch } from './application/calendar-coverage';
import { CalendarRecomputes } from './application/calendar-recomputes';
import { FailureReports } from './application/failure-reports';
import { ProductionCalendarImports } from './application/production-calendar-imports';
import { SlaScheduler } from './application/scheduler';
import { TicketClocks } from './application/ticket-clocks';
import { PRESET_POLICIES } from './domain/presets';
import { createLoaders, type SlaApp } from './graphql/context';
import { TicketSlaService } from './application/ticket-sla';
import { buildSlaSchema } from './graphql/schema';
import { SlaMetrics } from './infra/metrics';
import { SlaTimers1763700000300 } from './infra/migrations/1763700000300-sla-timers';
import { SlaEngine1795299140908 } from './infra/migrations/1795299140908-SlaEngine';
import { ContractCalendars1795300715004 } from './infra/migrations/1795300715004-ContractCalendars';
import { MonotonicEvaluation1795306518613 } from './infra/migrations/1795306518613-MonotonicEvaluation';
import { ReleaseEventOrder1795307927597 } from './infra/migrations/1795307927597-ReleaseEventOrder';
import { ContractEventOrder1795400000000 } from './infra/migrations/1795400000000-ContractEventOrder';
import { ProductionCalendars1796652247956 } from './infra/migrations/1796652247956-ProductionCalendars';
import { FailureMarking1796675953091 } from './infra/migrations/1796675953091-FailureMarking';
import { AdvisoryFixClocks1796684643000 } from './infra/migrations/1796684643000-AdvisoryFixClocks';
import { SlaTicketAssignee1796700000100 } from './infra/migrations/1796700000100-SlaTicketAssignee';
import { contractsHandlers } from './messaging/contracts-consumer';
import { ticketsHandlers } from './messaging/tickets-consumer';
import { slaEntities } from './infra/entities';

export { slaEntities };

export const slaMigrations = [
  SlaTimers1763700000300,
  SlaEngine1795299140908,
  ContractCalendars1795300715004,
  MonotonicEvaluation1795306518613,
  ReleaseEventOrder1795307927597,
  ContractEventOrder1795400000000,
  ProductionCalendars1796652247956,
  FailureMarking1796675953091,
  AdvisoryFixClocks1796684643000,
  SlaTicketAssignee1796700000100,
];

export interface SlaSettings extends StorageSettings {
  port: number;
  /** Run the due-timer scheduler (and the calendar recompute and coverage watch) here (default true). */
  scheduler?: boolean;
  /** Set: GET /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
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
    const catalog = new CalendarCatalog();
    const clocks = new TicketClocks(
      { log: runtime.log, policies: PRESET_POLICIES, calendars: catalog },
      // A new earlier due instant wakes the scheduler (after the commit that wrote it).
      (at) => setTimeout(() => scheduler?.wake(at), 20).unref(),
    );
    const advisoryClocks = new AdvisoryClocks(transactions, runtime.log, (at) =>
      setTimeout(() => scheduler?.wake(at), 20).unref(),
    );
    scheduler = new SlaScheduler({
      transactions,
      clocks,
      clock: platform.clock,
      log: runtime.log,
      others: [advisoryClocks],
    });
    const { clock, log } = { clock: platform.clock, log: runtime.log };
    const recomputes = new CalendarRecomputes({ transactions, clocks, catalog, policies: PRESET_POLICIES, clock, log });
    const coverage = new CoverageWatch({ transactions, catalog, clock, log });
    const calendarImports = new ProductionCalendarImports(transactions, clock, () => {
      recomputes.wake();
      coverage.wake();
    });
    // R-SLA-2: the shipped years a calendar does not have yet (all of them on a first start).
    await calendarImports.loadShipped();
    const app: SlaApp = {
      transactions,
      clock: platform.clock,
      clockControl: platform.clockControl,
      clocks,
      advisoryClocks,
      scheduler,
      failureReports: new FailureReports(transactions, platform.clock, clocks),
      compliance: new Compliance(dataSource),
      reports: new Reports(dataSource, platform.clock),
      catalog,
      calendarImports,
      recomputes,
      coverage,
      ticketSla: new TicketSlaService(dataSource, transactions, platform.clock, clocks, catalog),
    };
    await runtime.consume('tickets', ticketsHandlers(clocks, platform.clock));
    await runtime.consume('contracts', contractsHandlers(clocks, platform.clock, advisoryClocks));
    if (settings.scheduler !== false) {
      scheduler.start();
      runtime.lifecycle.add('scheduler', () => scheduler.stop());
      recomputes.start();
      runtime.lifecycle.add('calendar recomputes', () => recomputes.stop());
      coverage.start();
      runtime.lifecycle.add('calendar coverage watch', () => coverage.stop());
    }
    new SlaMetrics(() => coverage.coverage(), runtime.metrics.registry, scheduler);

    const server = await runtime.serve(
      await buildSlaSchema(),
      settings.port,
      (caller) => ({ caller, app, loaders: createLoaders(app) }),
      {
        ...(settings.metricsToken ? { metricsToken: settings.metricsToken } : {}),
        // R-SLA-2: a production calendar running out keeps the part ready but says so.
        degraded: async () => {
          const low = (await coverage.coverage()).filter((row) => row.low);
          return Object.fromEntries(
            low.map((row) => [
              `productionCalendar:${row.calendarId}`,
              row.lastYear === null
                ? 'no year loaded: clocks count weekly hours only'
                : `data ends ${row.coveredUntil} (${row.daysLeft} days left): import ${row.lastYear + 1}`,
            ]),
          );
        },
      },
    );
    return { name: 'sla', url: server.url, port: server.port, runtime, app, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
