import { parseIsoDate, weekdayOf, yearOfDayNumber } from './civil-date';
import { WEEKDAY_KEYS, type CalendarDefinition } from './definition';
import type { ProductionCalendar } from './production-calendar';
import { shortenDay, toWallIntervals, type WallInterval } from './wall-time';

const NO_HOURS: readonly WallInterval[] = [];
const DEFAULT_SHORT_DAY_MINUTES = 60;
// A moved working day works like a regular weekday: Monday's hours, else the next weekday's.
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;

/**
 * Which wall-clock hours a local date has, from most to least specific rule:
 * 1. the calendar's own per-date hours (`dateHours`): they win over everything, a holiday of
 *    the same date included, because a date-specific shift is a more specific decision than
 *    "this date is a holiday";
 * 2. the calendar's own holidays (no working time);
 * 3. the production calendar, for years it has data for (R-SLA-2): its days off, its working
 *    weekend days (with `workingWeekendHours`), its shortened days (closing earlier);
 * 4. the weekly hours of the weekday.
 */
export class DaySchedule {
  private readonly weekly: ReadonlyArray<readonly WallInterval[]>;
  private readonly holidays: ReadonlySet<number>;
  private readonly dateHours: ReadonlyMap<number, readonly WallInterval[]>;
  private readonly workingWeekendHours: readonly WallInterval[];
  private readonly shortDayMinutes: number;

  constructor(
    definition: CalendarDefinition,
    private readonly production: ProductionCalendar | null,
  ) {
    this.weekly = WEEKDAY_KEYS.map((key) => toWallIntervals(definition.weeklyHours[key] ?? [], `weeklyHours.${key}`));
    this.holidays = new Set((definition.holidays ?? []).map((date) => parseIsoDate(date) ?? Number.NaN));
    this.dateHours = new Map(
      Object.entries(definition.dateHours ?? {}).map(([date, hours]) => [
        parseIsoDate(date) ?? Number.NaN,
        toWallIntervals(hours, `dateHours.${date}`),
      ]),
    );
    const binding = definition.productionCalendar;
    this.workingWeekendHours =
      binding?.workingWeekendHours !== undefined
        ? toWallIntervals(binding.workingWeekendHours, 'productionCalendar.workingWeekendHours')
        : (MONDAY_FIRST.map((weekday) => this.weekly[weekday]).find((hours) => hours.length > 0) ?? NO_HOURS);
    this.shortDayMinutes = binding?.shortDayMinutes ?? DEFAULT_SHORT_DAY_MINUTES;
  }

  /** True when the weekly hours, per-date hours or a production calendar can give working time. */
  get hasAnyHours(): boolean {
    return (
      this.weekly.some((hours) => hours.length > 0) ||
      [...this.dateHours.values()].some((hours) => hours.length > 0) ||
      (this.production !== null && this.workingWeekendHours.length > 0)
    );
  }

  hoursOn(dayNumber: number): readonly WallInterval[] {
    const own = this.dateHours.get(dayNumber);
    if (own !== undefined) return own;
    if (this.holidays.has(dayNumber)) return NO_HOURS;
    const weekly = this.weekly[weekdayOf(dayNumber)];
    if (this.production === null) return weekly;
    const year = this.production.year(yearOfDayNumber(dayNumber));
    if (year === undefined) return weekly;
    if (year.daysOff.has(dayNumber)) return NO_HOURS;
    const base = year.workingWeekends.has(dayNumber) ? this.workingWeekendHours : weekly;
    return year.shortDays.has(dayNumber) ? shortenDay(base, this.shortDayMinutes) : base;
  }
}
