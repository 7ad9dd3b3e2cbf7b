import { makeEvent } from '@reglament/shared/domain';
import { type Clock, type Logger, type Transactions } from '@reglament/shared/platform';
import { DateTime } from 'luxon';
import type { CalendarCatalog, StoredProductionCalendar } from './calendar-catalog';

/** From this many days before a production calendar's data ends, admins are told (weekly). */
export const COVERAGE_ALARM_DAYS = 60;
export const COVERAGE_ALARM_EVERY_DAYS = 7;
const MS_PER_DAY = 86_400_000;

export interface CalendarCoverageRow {
  calendarId: string;
  name: string;
  country: string;
  timeZone: string;
  /** The last year of the unbroken run of loaded years from the current one (null: none loaded). */
  lastYear: number | null;
  coveredUntil: string | null;
  /** Days from today (the calendar's zone) through coveredUntil, today included; 0 once past. */
  daysLeft: number;
  low: boolean;
}

/** How long a production calendar's data lasts from `now` (R-SLA-2: never silent). */
export function coverageOf(stored: StoredProductionCalendar, now: Date): CalendarCoverageRow {
  const { calendar, timeZone } = stored;
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const years = new Set(calendar.years);
  let lastYear: number | null = years.has(today.year) ? today.year : (calendar.years.at(-1) ?? null);
  while (lastYear !== null && years.has(lastYear + 1)) lastYear++;
  const daysLeft =
    lastYear === null
      ? 0
      : Math.max(
          0,
          Math.round((Date.UTC(lastYear + 1, 0, 1) - Date.UTC(today.year, today.month - 1, today.day)) / MS_PER_DAY),
        );
  return {
    calendarId: calendar.id,
    name: calendar.name,
    country: calendar.country,
    timeZone,
    lastYear,
    coveredUntil: lastYear === null ? null : `${lastYear}-12-31`,
    daysLeft,
    low: daysLeft <= COVERAGE_ALARM_DAYS,
  };
}

/**
 * Raises `sla.calendar.coverage_low` for a production calendar whose data ends within 60 days,
 * at most once a week per calendar, driven by the shared clock (so the test clock moves it). The
 * week is kept on the calendar's row and claimed by a conditional UPDATE in the transaction that
 * emits the event: of several replicas looking at once, one publishes.
 */
export class CoverageWatch {
  private timer: NodeJS.Timeout | null = null;
  private detach: (() => void) | null = null;
  private checking: Promise<number> | null = null;

  constructor(
    private readonly options: {
      transactions: Transactions;
      catalog: CalendarCatalog;
      clock: Clock;
      log: Logger;
      intervalMs?: number;
    },
  ) {}

  start(): void {
    this.detach = this.options.clock.onChange(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.options.intervalMs ?? 3_600_000);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    void this.check().catch((error: unknown) =>
      this.options.log.error({ err: error }, 'production calendar coverage check failed'),
    );
  }

  /** The coverage of every production calendar now. */
  async coverage(): Promise<CalendarCoverageRow[]> {
    const { catalog, transactions, clock } = this.options;
    await catalog.refresh(transactions.dataSource.manager);
    const now = clock.now();
    return catalog.productionCalendars().map((stored) => coverageOf(stored, now));
  }

  /** Raises what is due; answers how many alarms it raised. */
  check(): Promise<number> {
    // One look at a time; a look asked for meanwhile runs after it (the clock may have moved).
    const previous = this.checking ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => this.raiseDue());
    const tracked: Promise<number> = next.finally(() => {
      if (this.checking === tracked) this.checking = null;
    });
    // A failed look is its caller's to report (wake logs it); the copy kept here must never become an
    // unhandled rejection, which would stop the process (it did, at a start racing the calendar import).
    tracked.catch(() => undefined);
    this.checking = tracked;
    return next;
  }

  private async raiseDue(): Promise<number> {
    const now = this.options.clock.now();
    let raised = 0;
    for (const row of await this.coverage()) {
      if (!row.low) continue;
      const weekAgo = new Date(now.getTime() - COVERAGE_ALARM_EVERY_DAYS * MS_PER_DAY);
      const claimed = await this.options.transactions.run(async (tx) => {
        // A first alarm, a week since the last, or an alarm about another last year; an alarm
        // "from the future" (the test clock moved back) does not count.
        const rows = (await tx.manager.query(
          // (A CTE, so the driver answers rows: a bare UPDATE ... RETURNING comes back as [rows, count].)
          `WITH claimed AS (
             UPDATE sla_production_calendars SET coverage_alarm_at = $2, coverage_alarm_year = $3
             WHERE id = $1 AND (coverage_alarm_at IS NULL OR coverage_alarm_at <= $4 OR coverage_alarm_at > $2
                                OR coverage_alarm_year IS DISTINCT FROM $3::int)
             RETURNING id)
           SELECT id FROM claimed`,
          [row.calendarId, now, row.lastYear, weekAgo],
        )) as unknown[];
        if (rows.length === 0) return false;
        tx.emit(
          makeEvent(
            'sla.calendar.coverage_low',
            null,
            {
              calendarId: row.calendarId,
              calendarName: row.name,
              country: row.country,
              lastYear: row.lastYear,
              coveredUntil: row.coveredUntil,
              daysLeft: row.daysLeft,
              thresholdDays: COVERAGE_ALARM_DAYS,
            },
            { source: 'sla', occurredAt: now },
          ),
        );
        return true;
      });
      if (claimed) {
        raised++;
        this.options.log.warn(
          { calendar: row.calendarId, lastYear: row.lastYear, daysLeft: row.daysLeft },
          'production calendar data runs out soon: import the next year',
        );
      }
    }
    return raised;
  }

  async stop(): Promise<void> {
    this.detach?.();
    if (this.timer) clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
  }
}
