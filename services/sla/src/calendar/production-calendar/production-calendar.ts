import { formatIsoDate, parseIsoDate, weekdayOf, yearOfDayNumber } from '../civil-date';
import { CalendarError, CalendarErrorCode } from '../errors';

/** One year of a national production calendar (R-SLA-2), dates as day numbers. */
export interface ProductionCalendarYear {
  readonly year: number;
  /** Days off beyond the plain Sat/Sun week: public holidays and days off moved by decree. */
  readonly daysOff: ReadonlySet<number>;
  /** Saturdays/Sundays that are worked (moved working days). */
  readonly workingWeekends: ReadonlySet<number>;
  /** Working days shortened before a holiday (RU: one hour, Labour Code art. 95). */
  readonly shortDays: ReadonlySet<number>;
  /** Reference figures shipped with the data (e.g. working days, hours of a 40-h week). */
  readonly totals: Readonly<Record<string, number>>;
  /** Where the year's data comes from (decrees, data sets), kept for audits. */
  readonly sources: readonly string[];
}

export interface ProductionCalendar {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  /** Years with data, ascending. A year without data falls back to the weekly hours. */
  readonly years: readonly number[];
  year(year: number): ProductionCalendarYear | undefined;
}

/**
 * Builds a production calendar from its data: a `_meta` record and one record per year, as
 * shipped in `services/sla/data/production-calendar/<id>/`. Pure: reading the files is the
 * caller's business, so a new year is one more data file and nothing else changes here.
 */
export function loadProductionCalendar(meta: unknown, yearRecords: readonly unknown[]): ProductionCalendar {
  const metaRecord = record(meta, '_meta');
  const id = text(metaRecord['id'], '_meta.id');
  const name = text(metaRecord['name'], '_meta.name');
  const country = text(metaRecord['country'], '_meta.country');
  const byYear = new Map<number, ProductionCalendarYear>();
  for (const raw of yearRecords) {
    const year = parseYear(raw, id);
    if (byYear.has(year.year)) invalid(`${id} ${year.year}: the year is given twice`);
    byYear.set(year.year, year);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return { id, name, country, years, year: (y) => byYear.get(y) };
}

function parseYear(raw: unknown, id: string): ProductionCalendarYear {
  const data = record(raw, `${id} year`);
  const year = data['year'];
  if (typeof year !== 'number' || !Number.isInteger(year))
    return invalid(`${id}: a year record without an integer "year"`);
  const where = `${id} ${year}`;
  const daysOff = dates(data['holidays'], `${where}.holidays`, year);
  const workingWeekends = dates(data['workingWeekends'], `${where}.workingWeekends`, year);
  const shortDays = dates(data['shortDays'], `${where}.shortDays`, year);
  for (const day of workingWeekends) {
    if (daysOff.has(day)) invalid(`${where}: ${formatIsoDate(day)} is both a day off and a working weekend day`);
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6)
      invalid(`${where}: working weekend day ${formatIsoDate(day)} is not a Saturday or Sunday`);
  }
  for (const day of shortDays) {
    if (daysOff.has(day)) invalid(`${where}: ${formatIsoDate(day)} is both a day off and a shortened working day`);
  }
  return {
    year,
    daysOff,
    workingWeekends,
    shortDays,
    totals: numbers(data['totals']),
    sources: Array.isArray(data['sources']) ? data['sources'].filter((s): s is string => typeof s === 'string') : [],
  };
}

function dates(input: unknown, path: string, year: number): Set<number> {
  if (!Array.isArray(input)) return invalid(`${path}: expected a list of "YYYY-MM-DD" dates`);
  const result = new Set<number>();
  for (const item of input) {
    const day = typeof item === 'string' ? parseIsoDate(item) : null;
    if (day === null) return invalid(`${path}: ${JSON.stringify(item)} is not a date "YYYY-MM-DD"`);
    if (yearOfDayNumber(day) !== year) return invalid(`${path}: ${String(item)} is not in ${year}`);
    result.add(day);
  }
  return result;
}

function numbers(input: unknown): Record<string, number> {
  const result: Record<string, number> = {};
  if (typeof input === 'object' && input !== null) {
    for (const [key, value] of Object.entries(input)) if (typeof value === 'number') result[key] = value;
  }
  return result;
}

function record(input: unknown, path: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return invalid(`${path}: expected an object`);
  return input as Record<string, unknown>;
}

function text(input: unknown, path: string): string {
  if (typeof input !== 'string' || input === '') return invalid(`${path}: expected a non-empty string`);
  return input;
}

function invalid(message: string): never {
  throw new CalendarError(CalendarErrorCode.INVALID_PRODUCTION_CALENDAR, message);
}
