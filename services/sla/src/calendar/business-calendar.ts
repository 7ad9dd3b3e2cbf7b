import { MS_PER_DAY, MS_PER_MINUTE, parseIsoDate, yearOfDayNumber } from './civil-date';
import { BusinessCalendarDates } from './business-calendar-dates';
import { DaySchedule } from './day-schedule';
import type { CalendarDefinition } from './definition';
import { CalendarDefinitionError, CalendarError, CalendarErrorCode } from './errors';
import { checkAmount, minutesToMs, toEpochMs, type Instant } from './instant';
import { parseCalendarDefinition } from './parse-definition';
import { BUILT_IN_PRODUCTION_CALENDARS, type ProductionCalendar } from './production-calendar';
import { firstAtLeast, firstGreater } from './sorted-search';
import { TimeZoneRules } from './time-zone';
import { buildYearBlock, type YearBlock } from './year-block';
import { YearBlockCache } from './year-block-cache';

// Module-level aliases: a global lookup (Math.*) is ~100x slower inside vm contexts such as Jest's.
const { floor, max } = Math;

export interface BusinessCalendarOptions {
  /** Production calendars a definition may name; default: the built-in ones ("ru"). */
  readonly productionCalendars?: ReadonlyMap<string, ProductionCalendar>;
  /** How many year blocks to keep per calendar (least recently used out first). Default 16. */
  readonly maxCachedYears?: number;
}

/** Which national data a calendar uses and for which years it has it (R-SLA-2). */
export interface CalendarCoverage {
  /** Id of the production calendar, or null when the calendar uses none. */
  readonly productionCalendar: string | null;
  /** Years the production calendar has data for; other years use the weekly hours only. */
  readonly years: readonly number[];
}

export interface WorkingInterval {
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive: the closing instant. */
  readonly end: number;
}

const AVERAGE_YEAR_MS = 31_556_952_000;
// A search that meets this many years in a row without working time gives up.
const MAX_EMPTY_YEARS = 60;

/**
 * Business time in one calendar (R-SLA-1): weekly hours in a time zone, holidays, per-date
 * hours and optionally a national production calendar (R-SLA-2). Instants are epoch ms
 * (a Date is accepted too); `dates` offers the same operations returning Dates.
 *
 * Conventions (the ones zendesk/biz, working_hours, businesstimedelta, OTRS and GLPI share):
 * working intervals are half-open [open, close); adding rolls forward to working time first
 * and may end exactly on a closing instant; subtracting rolls back to the previous closing
 * first and may end exactly on an opening instant.
 */
export class BusinessCalendar {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** The same operations taking and returning Dates. */
  readonly dates: BusinessCalendarDates;
  readonly coverage: CalendarCoverage;

  private readonly definition: CalendarDefinition;
  private readonly zone: TimeZoneRules;
  private readonly schedule: DaySchedule;
  private readonly production: ProductionCalendar | null;
  private readonly blocks: YearBlockCache;
  private lastBlock: YearBlock | null = null;

  /** Validates `definition` (it may come straight from JSON) and throws CalendarDefinitionError. */
  constructor(definition: unknown, options: BusinessCalendarOptions = {}) {
    this.definition = parseCalendarDefinition(definition);
    this.id = this.definition.id;
    this.name = this.definition.name;
    this.timeZone = this.definition.timeZone;
    this.zone = TimeZoneRules.of(this.timeZone);
    this.production = resolveProductionCalendar(this.definition, options);
    this.schedule = new DaySchedule(this.definition, this.production);
    this.blocks = new YearBlockCache(
      (year) => buildYearBlock(year, this.schedule, this.zone),
      max(2, options.maxCachedYears ?? 16),
    );
    this.coverage = {
      productionCalendar: this.production?.id ?? null,
      years: this.production?.years ?? [],
    };
    this.dates = new BusinessCalendarDates(this);
  }

  /** The validated definition, as plain JSON (what the SLA service stores). */
  toJSON(): CalendarDefinition {
    return this.definition;
  }

  /**
   * False when the calendar relies on a production calendar that has no data for `year`
   * (that year is then computed from the weekly hours alone). True otherwise.
   */
  hasDataFor(year: number): boolean {
    return this.production === null || this.production.year(year) !== undefined;
  }

  /**
   * False when [from, to] touches a local year (in the calendar's zone) for which the bound
   * production calendar has no data: the time there is counted from the weekly hours alone
   * (a provisional answer). True for a calendar without a production calendar.
   */
  coversSpan(from: Instant, to: Instant): boolean {
    if (this.production === null) return true;
    const a = toEpochMs(from, 'from');
    const b = toEpochMs(to, 'to');
    const first = this.localYear(Math.min(a, b));
    const last = this.localYear(Math.max(a, b));
    for (let year = first; year <= last; year++) if (this.production.year(year) === undefined) return false;
    return true;
  }

  private localYear(t: number): number {
    return yearOfDayNumber(floor(this.zone.wallClockAt(t) / MS_PER_DAY));
  }

  /** Whether `at` is working time; intervals are half-open, so a closing instant is not. */
  isWorkingTime(at: Instant): boolean {
    const t = toEpochMs(at, 'at');
    const block = this.blockAt(t);
    const i = firstGreater(block.ends, 0, block.count, t);
    return i < block.count && block.starts[i] <= t;
  }

  /**
   * While `at` is working time: the instant that stretch of working time ends (the close, or
   * the year's end for a calendar working across it); outside working time: `at` itself.
   */
  workingStretchEnd(at: Instant): number {
    const t = toEpochMs(at, 'at');
    const block = this.blockAt(t);
    const i = firstGreater(block.ends, 0, block.count, t);
    return i < block.count && block.starts[i] <= t ? block.ends[i] : t;
  }

  /** `at` itself when it is working time, else the next opening instant. */
  nextWorkingInstant(at: Instant): number {
    return this.nextWorking(toEpochMs(at, 'at'));
  }

  /** `at` itself when it is working time, else the latest closing instant at or before it. */
  previousClosingInstant(at: Instant): number {
    return this.previousClosing(toEpochMs(at, 'at'));
  }

  /**
   * Rolls `start` forward to working time, then consumes `minutes` of working time. Running
   * out exactly at a closing instant answers that closing instant, not the next opening.
   * 0 minutes = `nextWorkingInstant(start)`; negative minutes = `subtractWorkingMinutes`.
   * Fractional minutes are kept to the second.
   */
  addWorkingMinutes(start: Instant, minutes: number): number {
    checkAmount(minutes, 'minutes');
    return this.shift(toEpochMs(start, 'start'), minutesToMs(minutes), false);
  }

  /**
   * Mirror of `addWorkingMinutes`: rolls `start` back to the previous closing instant when it
   * is outside working time, then consumes `minutes` backwards; the answer can be exactly an
   * opening instant. 0 minutes = `previousClosingInstant(start)`.
   */
  subtractWorkingMinutes(start: Instant, minutes: number): number {
    checkAmount(minutes, 'minutes');
    return this.shift(toEpochMs(start, 'start'), -minutesToMs(minutes), true);
  }

  /** As `addWorkingMinutes`, with the amount in milliseconds (kept to the millisecond). */
  addWorkingMillis(start: Instant, ms: number): number {
    checkAmount(ms, 'ms');
    return this.shift(toEpochMs(start, 'start'), Math.round(ms), false);
  }

  /** As `subtractWorkingMinutes`, with the amount in milliseconds. */
  subtractWorkingMillis(start: Instant, ms: number): number {
    checkAmount(ms, 'ms');
    return this.shift(toEpochMs(start, 'start'), -Math.round(ms), true);
  }

  /**
   * Working time in [from, to), real elapsed minutes (a fully worked 25-hour DST day counts
   * 25 h); negative when `to` is before `from`. May be fractional.
   */
  workingMinutesBetween(from: Instant, to: Instant): number {
    return this.workingMillisBetween(from, to) / MS_PER_MINUTE;
  }

  workingMillisBetween(from: Instant, to: Instant): number {
    const a = toEpochMs(from, 'from');
    const b = toEpochMs(to, 'to');
    // 0 - x, not -x: a reversed empty span is 0, not -0.
    return b >= a ? this.between(a, b) : 0 - this.between(b, a);
  }

  /**
   * Rolls `start` forward to working time, then answers the same local time of day on the
   * n-th following working day (n < 0: the n-th previous working day; n = 0: the rolled start).
   * A working day is a local date with working time. On the target day:
   * - a time inside its hours is the answer;
   * - a time before its opening or in a break rolls forward to that day's next opening;
   * - a time at or past its close (e.g. a shortened day) answers that day's closing instant.
   * A wall time that the target day skips (DST gap) moves forward by the gap first.
   */
  addWorkingDays(start: Instant, days: number): number {
    if (!Number.isInteger(days)) {
      throw new CalendarError(CalendarErrorCode.INVALID_AMOUNT, `days must be an integer, got ${days}`, {
        argument: 'days',
      });
    }
    const s = this.nextWorking(toEpochMs(start, 'start'));
    if (days === 0) return s;
    let block = this.blockAt(s);
    let index = block.dayOfInterval[firstGreater(block.dayEnds, 0, block.dayEnds.length, s)];
    const timeOfDay = this.zone.wallClockAt(s) - block.dayNumbers[index] * MS_PER_DAY;
    index += days;
    let emptyYears = 0;
    while (index >= block.dayCount) {
      index -= block.dayCount;
      block = this.blocks.get(block.year + 1);
      emptyYears = block.dayCount === 0 ? this.checkEmpty(emptyYears) : 0;
    }
    while (index < 0) {
      block = this.blocks.get(block.year - 1);
      index += block.dayCount;
      emptyYears = block.dayCount === 0 ? this.checkEmpty(emptyYears) : 0;
    }
    const target = this.zone.instantAt(block.dayNumbers[index] * MS_PER_DAY + timeOfDay);
    const first = block.dayFirst[index];
    const last = block.dayFirst[index + 1] - 1;
    if (target >= block.dayEnds[last]) return block.dayEnds[last];
    const k = firstGreater(block.dayEnds, first, last + 1, target);
    return max(target, block.dayStarts[k]);
  }

  /** Whether a local date ("YYYY-MM-DD") has working time. */
  isWorkingDay(date: string): boolean {
    const day = dayOf(date, 'date');
    const block = this.blocks.get(yearOfDayNumber(day));
    const i = firstAtLeast(block.dayNumbers, 0, block.dayCount, day);
    return i < block.dayCount && block.dayNumbers[i] === day;
  }

  /** Working days among the local dates `from`..`to`, both included. */
  workingDayCount(from: string, to: string): number {
    const first = dayOf(from, 'from');
    const last = dayOf(to, 'to');
    let count = 0;
    for (let year = yearOfDayNumber(first); year <= yearOfDayNumber(last); year++) {
      const block = this.blocks.get(year);
      count +=
        firstGreater(block.dayNumbers, 0, block.dayCount, last) -
        firstAtLeast(block.dayNumbers, 0, block.dayCount, first);
    }
    return max(0, count);
  }

  /** The working intervals of a local date, as instants. */
  workingIntervalsOn(date: string): WorkingInterval[] {
    const day = dayOf(date, 'date');
    const block = this.blocks.get(yearOfDayNumber(day));
    const i = firstAtLeast(block.dayNumbers, 0, block.dayCount, day);
    if (i >= block.dayCount || block.dayNumbers[i] !== day) return [];
    const intervals: WorkingInterval[] = [];
    for (let k = block.dayFirst[i]; k < block.dayFirst[i + 1]; k++) {
      intervals.push({ start: block.dayStarts[k], end: block.dayEnds[k] });
    }
    return intervals;
  }

  // --- the arithmetic: every answer is a binary search in a year block ---

  private shift(t: number, ms: number, zeroMeansBackward: boolean): number {
    if (ms > 0) return this.forward(t, ms);
    if (ms < 0) return this.backward(t, -ms);
    return zeroMeansBackward ? this.previousClosing(t) : this.nextWorking(t);
  }

  private blockAt(t: number): YearBlock {
    const last = this.lastBlock;
    if (last !== null && t >= last.start && t < last.end) return last;
    let year = floor(t / AVERAGE_YEAR_MS) + 1970;
    let block = this.blocks.get(year);
    while (t < block.start) block = this.blocks.get(--year);
    while (t >= block.end) block = this.blocks.get(++year);
    this.lastBlock = block;
    return block;
  }

  /** Working ms of `block` before `t` (t within the block). */
  private position(block: YearBlock, t: number): number {
    const i = firstGreater(block.ends, 0, block.count, t);
    if (i === block.count) return block.total;
    const start = block.starts[i];
    return t > start ? block.cumulative[i] + (t - start) : block.cumulative[i];
  }

  private forward(t: number, amount: number): number {
    let block = this.blockAt(t);
    let target = this.position(block, t) + amount;
    let emptyYears = 0;
    while (target > block.total) {
      target -= block.total;
      block = this.blocks.get(block.year + 1);
      emptyYears = block.total === 0 ? this.checkEmpty(emptyYears) : 0;
    }
    // The first interval whose running sum reaches the target: ending exactly on a close stays there.
    const j = firstAtLeast(block.cumulative, 1, block.count + 1, target) - 1;
    return block.starts[j] + (target - block.cumulative[j]);
  }

  private backward(t: number, amount: number): number {
    let block = this.blockAt(t);
    let target = this.position(block, t) - amount;
    let emptyYears = 0;
    while (target < 0) {
      block = this.blocks.get(block.year - 1);
      target += block.total;
      emptyYears = block.total === 0 ? this.checkEmpty(emptyYears) : 0;
    }
    // The last interval starting at or before the target: ending exactly on an open stays there.
    const j = firstGreater(block.cumulative, 0, block.count + 1, target) - 1;
    return block.starts[j] + (target - block.cumulative[j]);
  }

  private between(a: number, b: number): number {
    const first = this.blockAt(a);
    const fromPosition = this.position(first, a);
    const last = this.blockAt(b);
    if (first === last) return this.position(last, b) - fromPosition;
    let sum = first.total - fromPosition;
    for (let year = first.year + 1; year < last.year; year++) sum += this.blocks.total(year);
    return sum + this.position(last, b);
  }

  private nextWorking(t: number): number {
    let block = this.blockAt(t);
    const i = firstGreater(block.ends, 0, block.count, t);
    if (i < block.count) return max(t, block.starts[i]);
    let emptyYears = 0;
    for (;;) {
      block = this.blocks.get(block.year + 1);
      if (block.count > 0) return block.starts[0];
      emptyYears = this.checkEmpty(emptyYears);
    }
  }

  private previousClosing(t: number): number {
    let block = this.blockAt(t);
    const i = firstGreater(block.ends, 0, block.count, t);
    if (i < block.count && block.starts[i] <= t) return t;
    if (i > 0) return block.ends[i - 1];
    let emptyYears = 0;
    for (;;) {
      block = this.blocks.get(block.year - 1);
      if (block.count > 0) return block.ends[block.count - 1];
      emptyYears = this.checkEmpty(emptyYears);
    }
  }

  private checkEmpty(emptyYears: number): number {
    if (emptyYears + 1 >= MAX_EMPTY_YEARS) {
      throw new CalendarError(
        CalendarErrorCode.NO_WORKING_TIME,
        `calendar ${this.id} has no working time in ${MAX_EMPTY_YEARS} consecutive years`,
        { calendar: this.id },
      );
    }
    return emptyYears + 1;
  }
}

function resolveProductionCalendar(
  definition: CalendarDefinition,
  options: BusinessCalendarOptions,
): ProductionCalendar | null {
  const binding = definition.productionCalendar;
  if (binding === undefined) return null;
  const known = options.productionCalendars ?? BUILT_IN_PRODUCTION_CALENDARS;
  const production = known.get(binding.id);
  if (production === undefined) {
    throw new CalendarDefinitionError(
      CalendarErrorCode.UNKNOWN_PRODUCTION_CALENDAR,
      'productionCalendar.id',
      `no production calendar "${binding.id}" is loaded (known: ${[...known.keys()].join(', ')})`,
    );
  }
  return production;
}

function dayOf(date: string, argument: string): number {
  const day = parseIsoDate(date);
  if (day === null) {
    throw new CalendarError(CalendarErrorCode.INVALID_DATE, `${argument} must be a date "YYYY-MM-DD", got ${date}`, {
      argument,
    });
  }
  return day;
}
