import {
  badInput,
  type Caller,
  makeEvent,
  newId,
  notFound,
  requireRole,
  type SlaProductionCalendarImportedV1,
} from '@reglament/shared/domain';
import { type Clock, type Transactions, type Tx } from '@reglament/shared/platform';
import {
  type ParsedCalendarFile,
  parseCalendarFile,
  type ProductionCalendarFormat,
} from '../domain/production-calendars/formats';
import {
  type CalendarYearData,
  CalendarDataError,
  type DayChange,
  dayChanges,
  validateYear,
  type YearFigures,
} from '../domain/production-calendars/year-data';
import { ProductionCalendarEntity, ProductionCalendarYearEntity } from '../infra/production-calendar.entities';
import { shippedYear, SHIPPED_CALENDARS } from './shipped-calendars';

/** One year of an import: what it is now and what the import changed in it. */
export interface ImportedYear extends YearFigures {
  year: number;
  source: string;
  loadedAt: Date;
  change: 'ADDED' | 'REPLACED' | 'UNCHANGED';
  days: DayChange[];
}

/** Told after a commit that changed a calendar (recompute open clocks, look at coverage again). */
export type CalendarChangedListener = (calendarId: string) => void;

/**
 * Loads production calendar years (R-SLA-2): a file through `importProductionCalendar` (ADMIN) or
 * the shipped data files at start. A year is validated before anything is written; a refused file
 * changes nothing. A changed year replaces the stored one, bumps the calendar's revision (every
 * replica reloads), publishes `sla.production_calendar.imported` and leaves a recompute job for
 * the open tickets, all in one transaction; an unchanged year changes nothing at all.
 */
export class ProductionCalendarImports {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly onChanged: CalendarChangedListener,
  ) {}

  async importFile(caller: Caller, calendarId: string, format: ProductionCalendarFormat, data: string) {
    requireRole(caller, ['ADMIN'], 'import production calendars');
    const file = refusingBadData(() => parseCalendarFile(format, data));
    const years = refusingBadData(() => file.years.map((year) => validateYear(year)));
    return this.store(calendarId, format, years, caller.kind === 'user' ? caller.id : null, file);
  }

  /** The stored production calendars with their years, ascending. */
  async list(): Promise<{ calendar: ProductionCalendarEntity; years: ProductionCalendarYearEntity[] }[]> {
    const manager = this.transactions.dataSource.manager;
    const [calendars, years] = await Promise.all([
      manager.find(ProductionCalendarEntity, { order: { id: 'ASC' } }),
      manager.find(ProductionCalendarYearEntity, { order: { year: 'ASC' } }),
    ]);
    return calendars.map((calendar) => ({ calendar, years: years.filter((y) => y.calendarId === calendar.id) }));
  }

  /** First start (and a release shipping a new year): shipped years a calendar does not have yet. */
  async loadShipped(): Promise<void> {
    for (const { calendar, timeZone } of SHIPPED_CALENDARS) {
      await this.transactions.dataSource.query(
        `INSERT INTO sla_production_calendars (id, name, country, time_zone) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING`,
        [calendar.id, calendar.name, calendar.country, timeZone],
      );
      const years = calendar.years.map((year) => validateYear(shippedYear(calendar, year)));
      await this.store(calendar.id, 'SHIPPED', years, null, null, true);
    }
  }

  private async store(
    calendarId: string,
    format: ProductionCalendarFormat | 'SHIPPED',
    years: { data: CalendarYearData; figures: YearFigures }[],
    loadedBy: string | null,
    file: ParsedCalendarFile | null,
    onlyAbsent = false,
  ): Promise<ImportedYear[]> {
    const now = this.clock.now();
    const result = await this.transactions.run(async (tx) => {
      // The calendar row is the lock: imports of one calendar apply one at a time.
      const calendar = await tx.manager.findOne(ProductionCalendarEntity, {
        where: { id: calendarId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!calendar) {
        const known = (await tx.manager.find(ProductionCalendarEntity, { order: { id: 'ASC' } }))
          .map((c) => c.id)
          .join(', ');
        throw notFound('Production calendar', `${calendarId} (known: ${known})`);
      }
      if (file?.country && file.country !== calendar.country.toLowerCase()) {
        throw badInput(
          `the file is for country "${file.country}", production calendar "${calendar.id}" is ${calendar.country}`,
          { field: 'data' },
        );
      }
      const imported: ImportedYear[] = [];
      for (const { data, figures } of years) {
        const stored = await tx.manager.findOneBy(ProductionCalendarYearEntity, { calendarId, year: data.year });
        const before = stored ? { year: stored.year, ...stored.days, source: stored.source } : null;
        const days = dayChanges(before, data);
        if (stored && (onlyAbsent || days.length === 0)) {
          imported.push({ ...yearOf(stored), change: 'UNCHANGED', days: [] });
          continue;
        }
        const row: ProductionCalendarYearEntity = {
          calendarId,
          year: data.year,
          days: { holidays: data.holidays, workingWeekends: data.workingWeekends, shortDays: data.shortDays },
          ...figures,
          source: data.source,
          format,
          loadedAt: now,
          loadedBy,
        };
        await tx.manager.upsert(ProductionCalendarYearEntity, row, ['calendarId', 'year']);
        imported.push({ ...yearOf(row), change: stored ? 'REPLACED' : 'ADDED', days });
      }
      const changed = imported.filter((y) => y.change !== 'UNCHANGED');
      if (changed.length > 0) await this.changed(tx, calendar, format, loadedBy, changed, now);
      return { imported, changed: changed.length > 0 };
    });
    if (result.changed) this.onChanged(calendarId);
    return result.imported;
  }

  private async changed(
    tx: Tx,
    calendar: ProductionCalendarEntity,
    format: string,
    importedBy: string | null,
    years: ImportedYear[],
    now: Date,
  ): Promise<void> {
    // Every replica compares revisions before computing clocks and reloads on a change.
    await tx.manager.increment(ProductionCalendarEntity, { id: calendar.id }, 'revision', 1);
    const data: SlaProductionCalendarImportedV1 = {
      calendarId: calendar.id,
      country: calendar.country,
      format,
      importedBy,
      years: years.map((y) => ({
        year: y.year,
        change: y.change as 'ADDED' | 'REPLACED',
        workingDays: y.workingDays,
        workingHours: y.workingHours,
        shortenedDays: y.shortenedDays,
        source: y.source,
        days: y.days,
      })),
    };
    const event = makeEvent('sla.production_calendar.imported', null, data, { source: 'sla', occurredAt: now });
    tx.emit(event);
    // One pending recompute per calendar: a newer import restarts it from the first ticket.
    await tx.manager.query(
      `INSERT INTO sla_calendar_recomputes (id, calendar_id, cause_event_id, requested_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (calendar_id) WHERE done_at IS NULL
       DO UPDATE SET cause_event_id = EXCLUDED.cause_event_id, requested_at = EXCLUDED.requested_at,
                     after_ticket_id = NULL`,
      [newId(), calendar.id, event.id, now],
    );
  }
}

function yearOf(row: ProductionCalendarYearEntity) {
  return {
    year: row.year,
    workingDays: row.workingDays,
    workingHours: row.workingHours,
    shortenedDays: row.shortenedDays,
    source: row.source,
    loadedAt: row.loadedAt,
  };
}

function refusingBadData<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarDataError) throw badInput(error.message, { field: 'data' });
    throw error;
  }
}
