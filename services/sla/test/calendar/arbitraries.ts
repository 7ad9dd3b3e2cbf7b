import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { CalendarDefinition, WeeklyHoursDefinition, WorkingIntervalDefinition } from '../../src/calendar';

/** Zones with DST (incl. 30-minute shifts and midnight changes), offset changes, and none. */
export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Europe/Moscow',
  'Asia/Almaty',
  'America/Sao_Paulo',
  'America/Havana',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'America/Santiago',
  'Africa/Casablanca',
] as const;

function hhmm(quarter: number): string {
  const minutes = quarter * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 0-3 intervals of a day on a 15-minute grid (so 02:00-03:00 DST hours are hit), 24:00 allowed. */
export const dayHours: fc.Arbitrary<WorkingIntervalDefinition[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const intervals: WorkingIntervalDefinition[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ from: hhmm(sorted[i]!), to: hhmm(sorted[i + 1]!) });
    return intervals;
  });

const weeklyHours: fc.Arbitrary<WeeklyHoursDefinition> = fc
  .record({
    mon: dayHours,
    tue: dayHours,
    wed: dayHours,
    thu: dayHours,
    fri: dayHours,
    sat: fc.oneof(fc.constant([]), dayHours),
    sun: fc.oneof(fc.constant([]), dayHours),
  })
  // Calendars without any weekly hours are tested on their own; here every calendar works somewhere.
  .filter((week) => Object.values(week).some((day) => day.length > 0));

/** An instant, mostly 2019-2027 with DST months favoured, sometimes far away (1990, 2090). */
export const instant: fc.Arbitrary<number> = fc
  .record({
    year: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 2019, max: 2027 }) },
      { weight: 1, arbitrary: fc.constantFrom(1990, 2011, 2014, 2090) },
    ),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(3, 4, 10, 11)),
    day: fc.integer({ min: 1, max: 28 }),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    second: fc.oneof(
      { weight: 4, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 59 }) },
    ),
  })
  .map(({ year, month, day, minute, second }) => Date.UTC(year, month - 1, day, 0, minute, second));

/** An instant of 2018-2030: for properties that query many instants of one calendar. */
export const nearInstant: fc.Arbitrary<number> = fc
  .record({
    year: fc.integer({ min: 2018, max: 2030 }),
    dayOfYear: fc.integer({ min: 0, max: 364 }),
    second: fc.integer({ min: 0, max: 86_399 }),
  })
  .map(({ year, dayOfYear, second }) => Date.UTC(year, 0, 1 + dayOfYear, 0, 0, second));

/** A random calendar whose holidays and per-date hours fall near `anchor` (where it is tested). */
export function calendarNear(anchor: number, withProduction = false): fc.Arbitrary<CalendarDefinition> {
  const dateNear = fc
    .integer({ min: -20, max: 40 })
    .map((days) => DateTime.fromMillis(anchor, { zone: 'UTC' }).plus({ days }).toISODate()!);
  return fc.record({
    id: fc.constant('random'),
    name: fc.constant('Random calendar'),
    timeZone: fc.constantFrom(...ZONES),
    weeklyHours,
    holidays: fc.uniqueArray(dateNear, { maxLength: 6 }),
    dateHours: fc.dictionary(dateNear, dayHours, { maxKeys: 4 }),
    ...(withProduction ? { productionCalendar: fc.constant({ id: 'ru' }) } : {}),
  });
}

/** A calendar and an instant near which its holidays lie. */
export const calendarAndInstant = instant.chain((t) =>
  fc.tuple(
    fc.boolean().chain((ru) => calendarNear(t, ru)),
    fc.constant(t),
  ),
);

/** Whole seconds up to ~50 working hours, as minutes (fractional minutes, second precision). */
export const minutes: fc.Arbitrary<number> = fc
  .oneof(
    fc.integer({ min: 0, max: 3000 }).map((m) => m * 60),
    fc.integer({ min: 0, max: 180_000 }),
  )
  .map((seconds) => seconds / 60);
