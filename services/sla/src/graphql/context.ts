import type { AdvisoryClocks } from '../application/advisory-clocks';
import type { SlaAdvisoryClockEntity } from '../infra/advisory-clock.entities';
import type { Caller } from '@reglament/shared/domain';
import type { Clock, ClockControl, Transactions } from '@reglament/shared/platform';
import DataLoader from 'dataloader';
import type { CalendarCatalog } from '../application/calendar-catalog';
import type { CoverageWatch } from '../application/calendar-coverage';
import type { CalendarRecomputes } from '../application/calendar-recomputes';
import type { Compliance } from '../application/compliance';
import type { FailureReports } from '../application/failure-reports';
import type { ProductionCalendarImports } from '../application/production-calendar-imports';
import type { Reports } from '../application/reports';
import type { SlaScheduler } from '../application/scheduler';
import type { TicketClocks } from '../application/ticket-clocks';
import type { TicketSlaService } from '../application/ticket-sla';
import type { SlaFailureReportEntity, SlaTicketEntity, SlaTimerEntity } from '../infra/entities';

export interface SlaApp {
  transactions: Transactions;
  clock: Clock;
  clockControl: ClockControl | null;
  clocks: TicketClocks;
  advisoryClocks: AdvisoryClocks;
  scheduler: SlaScheduler;
  failureReports: FailureReports;
  compliance: Compliance;
  reports: Reports;
  catalog: CalendarCatalog;
  calendarImports: ProductionCalendarImports;
  recomputes: CalendarRecomputes;
  coverage: CoverageWatch;
  ticketSla: TicketSlaService;
}

export interface SlaContext {
  caller: Caller;
  app: SlaApp;
  loaders: ReturnType<typeof createLoaders>;
}

/** One set per request: a page of tickets costs one query per kind, whatever its size. */
export function createLoaders(app: SlaApp) {
  return {
    advisoryClock: new DataLoader<string, SlaAdvisoryClockEntity | null>(async (ids) => {
      const byId = await app.advisoryClocks.byIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
    ticket: new DataLoader<string, SlaTicketEntity | null>(async (ids) => {
      const byId = await app.ticketSla.ticketsByIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
    timersByTicket: new DataLoader<string, SlaTimerEntity[]>(async (ticketIds) => {
      const rows = await app.ticketSla.timersOfTickets(ticketIds);
      return ticketIds.map((id) => rows.filter((row) => row.ticketId === id));
    }),
    failureReport: new DataLoader<string, SlaFailureReportEntity | null>(async (ids) => {
      const byId = await app.ticketSla.failureReportsByIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
