import { parseIsoDate } from './civil-date';
import {
  WEEKDAY_KEYS,
  type CalendarDefinition,
  type ProductionCalendarBinding,
  type WeekdayKey,
  type WorkingIntervalDefinition,
} from './definition';
import { CalendarDefinitionError, CalendarErrorCode } from './errors';
import { TimeZoneRules } from './time-zone';
import { toWallIntervals } from './wall-time';

/**
 * Validates an untrusted (JSON) calendar definition and returns a clean copy of it. Throws a
 * CalendarDefinitionError whose path names the offending field: a bad "HH:MM", an interval
 * that crosses midnight, overlapping intervals, an unknown zone, a date that does not exist.
 */
export function parseCalendarDefinition(input: unknown): CalendarDefinition {
  const root = asRecord(input, '$');
  const id = asNonEmptyString(root['id'], 'id');
  const name = asNonEmptyString(root['name'], 'name');
  const timeZone = asNonEmptyString(root['timeZone'], 'timeZone');
  if (!TimeZoneRules.isKnownZone(timeZone)) {
    throw new CalendarDefinitionError(
      CalendarErrorCode.UNKNOWN_TIME_ZONE,
      'timeZone',
      `${JSON.stringify(timeZone)} is not a known IANA time zone (e.g. "Europe/Moscow")`,
    );
  }
  const weeklyHours = parseWeeklyHours(root['weeklyHours']);
  const definition: {
    -readonly [K in keyof CalendarDefinition]: CalendarDefinition[K];
  } = { id, name, timeZone, weeklyHours };
  if (root['holidays'] !== undefined) definition.holidays = parseDateList(root['holidays'], 'holidays');
  if (root['dateHours'] !== undefined) definition.dateHours = parseDateHours(root['dateHours']);
  if (root['productionCalendar'] !== undefined) {
    definition.productionCalendar = parseBinding(root['productionCalendar']);
  }
  return definition;
}

function parseIntervalList(input: unknown, path: string): WorkingIntervalDefinition[] {
  if (!Array.isArray(input)) throw shapeError(path, 'a list of {"from": "HH:MM", "to": "HH:MM"} intervals');
  const list = input.map((item: unknown, index) => {
    const record = asRecord(item, `${path}[${index}]`);
    return { from: record['from'], to: record['to'] } as WorkingIntervalDefinition;
  });
  toWallIntervals(list, path); // throws on bad times, empty, crossing or overlapping intervals
  return list.map((interval) => ({ from: interval.from, to: interval.to }));
}

function parseWeeklyHours(input: unknown): Partial<Record<WeekdayKey, WorkingIntervalDefinition[]>> {
  const record = asRecord(input, 'weeklyHours');
  const result: Partial<Record<WeekdayKey, WorkingIntervalDefinition[]>> = {};
  for (const key of Object.keys(record)) {
    if (!(WEEKDAY_KEYS as readonly string[]).includes(key)) {
      throw new CalendarDefinitionError(
        CalendarErrorCode.UNKNOWN_WEEKDAY,
        `weeklyHours.${key}`,
        `unknown weekday "${key}": use ${WEEKDAY_KEYS.join(', ')}`,
      );
    }
    result[key as WeekdayKey] = parseIntervalList(record[key], `weeklyHours.${key}`);
  }
  return result;
}

function parseDateList(input: unknown, path: string): string[] {
  if (!Array.isArray(input)) throw shapeError(path, 'a list of "YYYY-MM-DD" dates');
  return input.map((item: unknown, index) => checkDate(item, `${path}[${index}]`));
}

function parseDateHours(input: unknown): Record<string, WorkingIntervalDefinition[]> {
  const record = asRecord(input, 'dateHours');
  const result: Record<string, WorkingIntervalDefinition[]> = {};
  for (const key of Object.keys(record)) {
    const date = checkDate(key, `dateHours.${key}`);
    result[date] = parseIntervalList(record[key], `dateHours.${key}`);
  }
  return result;
}

function parseBinding(input: unknown): ProductionCalendarBinding {
  const record = asRecord(input, 'productionCalendar');
  const id = asNonEmptyString(record['id'], 'productionCalendar.id');
  const binding: { -readonly [K in keyof ProductionCalendarBinding]: ProductionCalendarBinding[K] } = { id };
  const shortDayMinutes = record['shortDayMinutes'];
  if (shortDayMinutes !== undefined) {
    if (
      typeof shortDayMinutes !== 'number' ||
      !Number.isInteger(shortDayMinutes) ||
      shortDayMinutes < 0 ||
      shortDayMinutes > 1440
    ) {
      throw shapeError('productionCalendar.shortDayMinutes', 'an integer number of minutes between 0 and 1440');
    }
    binding.shortDayMinutes = shortDayMinutes;
  }
  if (record['workingWeekendHours'] !== undefined) {
    binding.workingWeekendHours = parseIntervalList(
      record['workingWeekendHours'],
      'productionCalendar.workingWeekendHours',
    );
  }
  return binding;
}

function checkDate(input: unknown, path: string): string {
  if (typeof input !== 'string' || parseIsoDate(input) === null) {
    throw new CalendarDefinitionError(
      CalendarErrorCode.INVALID_DATE,
      path,
      `${JSON.stringify(input)} is not a date "YYYY-MM-DD" that exists`,
    );
  }
  return input;
}

function asRecord(input: unknown, path: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw shapeError(path, 'an object');
  return input as Record<string, unknown>;
}

function asNonEmptyString(input: unknown, path: string): string {
  if (typeof input !== 'string' || input.trim() === '') throw shapeError(path, 'a non-empty string');
  return input;
}

function shapeError(path: string, expected: string): CalendarDefinitionError {
  return new CalendarDefinitionError(CalendarErrorCode.INVALID_DEFINITION, path, `expected ${expected}`);
}
