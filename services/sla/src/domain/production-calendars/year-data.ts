import { formatIsoDate, parseIsoDate, weekdayOf, yearOfDayNumber } from '../../calendar/civil-date';

/**
 * One year of a national production calendar as data (R-SLA-2): what the SLA service stores and
 * the engine's per-year structures are built from. Dates are local "YYYY-MM-DD", sorted.
 */
export interface CalendarYearData {
  year: number;
  /** Days off beyond the plain Sat/Sun week, plus holidays that fall on a weekend (xmlcalendar t=1). */
  holidays: string[];
  /** Saturdays and Sundays that are worked (xmlcalendar t=3, or t=2 on a weekend). */
  workingWeekends: string[];
  /** Working days shortened before a holiday (xmlcalendar t=2). */
  shortDays: string[];
  /** Where the data comes from (decree, file), kept for audits. */
  source: string;
}

/** Reference figures of a year for a five-day 40-hour week. */
export interface YearFigures {
  workingDays: number;
  /** 8 h a working day, 1 h less on a shortened one (the 40-hour norm). */
  workingHours: number;
  shortenedDays: number;
}

/** Working days a five-day-week year of RU or KZ plausibly has (2024-2026: 246-249). */
export const PLAUSIBLE_WORKING_DAYS = { min: 240, max: 255 } as const;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const MAX_SOURCE_LENGTH = 2_000;

/** A refusal with the reason, naming the year it is about. */
export class CalendarDataError extends Error {}

function refuse(message: string): never {
  throw new CalendarDataError(message);
}

export function checkYear(year: unknown, where: string): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    refuse(`${where}: the year must be a whole number from ${FIRST_YEAR} to ${LAST_YEAR}, got ${JSON.stringify(year)}`);
  }
  return year;
}

/** Day number of a real date of `year`, or a refusal that says which entry is impossible. */
export function dayOfYear(date: string, year: number, where: string): number {
  const day = parseIsoDate(date);
  if (day === null) refuse(`${where}: ${JSON.stringify(date)} is not a real date (YYYY-MM-DD)`);
  if (yearOfDayNumber(day) !== year) refuse(`${where}: ${date} is not in ${year}`);
  return day;
}

const isWeekend = (day: number) => weekdayOf(day) === 0 || weekdayOf(day) === 6;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Validates a year and answers it normalized (sorted, without repeats) with its figures. Refuses
 * impossible dates, conflicting entries (a date both off and worked, a shortened day off, a
 * "working weekend day" on a weekday) and a count of working days outside the plausible range.
 */
export function validateYear(data: CalendarYearData): { data: CalendarYearData; figures: YearFigures } {
  const year = checkYear(data.year, 'year');
  const where = `${year}`;
  const days = (list: string[], name: string) => new Set(list.map((d) => dayOfYear(d, year, `${where} ${name}`)));
  const holidays = days(data.holidays, 'day off');
  const workingWeekends = days(data.workingWeekends, 'working weekend day');
  const shortDays = days(data.shortDays, 'shortened day');
  for (const day of workingWeekends) {
    if (holidays.has(day)) refuse(`${where}: ${formatIsoDate(day)} is listed both as a day off and as a working day`);
    if (!isWeekend(day)) {
      refuse(
        `${where}: ${formatIsoDate(day)} is a ${WEEKDAY_NAMES[weekdayOf(day)]}: only a Saturday or Sunday can be a moved working day`,
      );
    }
  }
  for (const day of shortDays) {
    if (holidays.has(day)) refuse(`${where}: ${formatIsoDate(day)} is listed both as a day off and as a shortened day`);
    if (isWeekend(day) && !workingWeekends.has(day)) {
      refuse(`${where}: shortened day ${formatIsoDate(day)} is a weekend day that is not worked`);
    }
  }
  const source = data.source.trim();
  if (source.length === 0 || source.length > MAX_SOURCE_LENGTH) {
    refuse(`${where}: the source must say where the data comes from, 1 to ${MAX_SOURCE_LENGTH} characters`);
  }
  const figures = figuresOf(year, holidays, workingWeekends, shortDays);
  const { min, max } = PLAUSIBLE_WORKING_DAYS;
  if (figures.workingDays < min || figures.workingDays > max) {
    refuse(
      `${where}: ${figures.workingDays} working days in a five-day week is implausible (a production calendar has ` +
        `${min}-${max}); check the days off and moved working days`,
    );
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b).map(formatIsoDate);
  return {
    data: {
      year,
      holidays: sorted(holidays),
      workingWeekends: sorted(workingWeekends),
      shortDays: sorted(shortDays),
      source,
    },
    figures,
  };
}

function figuresOf(year: number, holidays: Set<number>, weekends: Set<number>, short: Set<number>): YearFigures {
  const first = parseIsoDate(`${year}-01-01`)!;
  const next = parseIsoDate(`${year + 1}-01-01`)!;
  let workingDays = 0;
  for (let day = first; day < next; day++) {
    if (isWeekend(day) ? weekends.has(day) : !holidays.has(day)) workingDays++;
  }
  return { workingDays, workingHours: workingDays * 8 - short.size, shortenedDays: short.size };
}

/** What a date is in a production calendar year. */
export type ProductionDayKind = 'REGULAR' | 'DAY_OFF' | 'WORKING_WEEKEND' | 'SHORTENED' | 'SHORTENED_WORKING_WEEKEND';

export interface DayChange {
  date: string;
  before: ProductionDayKind;
  after: ProductionDayKind;
}

function kinds(data: CalendarYearData | null): Map<string, ProductionDayKind> {
  const result = new Map<string, ProductionDayKind>();
  if (!data) return result;
  for (const d of data.holidays) result.set(d, 'DAY_OFF');
  for (const d of data.workingWeekends) result.set(d, 'WORKING_WEEKEND');
  for (const d of data.shortDays) result.set(d, result.has(d) ? 'SHORTENED_WORKING_WEEKEND' : 'SHORTENED');
  return result;
}

/** The dates whose kind differs between two versions of a year, in date order (the source aside). */
export function dayChanges(before: CalendarYearData | null, after: CalendarYearData): DayChange[] {
  const a = kinds(before);
  const b = kinds(after);
  const dates = [...new Set([...a.keys(), ...b.keys()])].sort();
  return dates
    .map((date) => ({ date, before: a.get(date) ?? 'REGULAR', after: b.get(date) ?? 'REGULAR' }))
    .filter((change) => change.before !== change.after);
}
