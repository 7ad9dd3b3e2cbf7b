/**
 * Typed errors of the business-time engine. The SLA service maps `code` to its own
 * GraphQL error codes; the message names what is wrong so a user can fix a definition.
 */
export enum CalendarErrorCode {
  /** The definition is not an object of the expected shape (a field missing or of a wrong type). */
  INVALID_DEFINITION = 'CALENDAR_INVALID_DEFINITION',
  /** A time of day is not "HH:MM" in 00:00..24:00. */
  INVALID_TIME_OF_DAY = 'CALENDAR_INVALID_TIME_OF_DAY',
  /** An interval whose end equals its start. */
  EMPTY_INTERVAL = 'CALENDAR_EMPTY_INTERVAL',
  /** An interval whose end is before its start: it would cross midnight and must be split. */
  INTERVAL_CROSSES_MIDNIGHT = 'CALENDAR_INTERVAL_CROSSES_MIDNIGHT',
  /** Two intervals of one day overlap. */
  OVERLAPPING_INTERVALS = 'CALENDAR_OVERLAPPING_INTERVALS',
  /** The time zone is not a known IANA zone. */
  UNKNOWN_TIME_ZONE = 'CALENDAR_UNKNOWN_TIME_ZONE',
  /** A date is not a real "YYYY-MM-DD" date. */
  INVALID_DATE = 'CALENDAR_INVALID_DATE',
  /** A weekly-hours key that is not mon..sun. */
  UNKNOWN_WEEKDAY = 'CALENDAR_UNKNOWN_WEEKDAY',
  /** The definition refers to a production calendar that is not loaded. */
  UNKNOWN_PRODUCTION_CALENDAR = 'CALENDAR_UNKNOWN_PRODUCTION_CALENDAR',
  /** Production-calendar data that contradicts itself or is malformed. */
  INVALID_PRODUCTION_CALENDAR = 'CALENDAR_INVALID_PRODUCTION_CALENDAR',
  /** No calendar with this id in the registry. */
  UNKNOWN_CALENDAR = 'CALENDAR_UNKNOWN_CALENDAR',
  /** A calendar with this id is already registered. */
  DUPLICATE_CALENDAR = 'CALENDAR_DUPLICATE_CALENDAR',
  /** An instant that is not a finite epoch-millisecond value in the supported range. */
  INVALID_INSTANT = 'CALENDAR_INVALID_INSTANT',
  /** An amount (minutes, days) that is not a finite number, or days that are not an integer. */
  INVALID_AMOUNT = 'CALENDAR_INVALID_AMOUNT',
  /** The calendar has no working time in the direction searched (e.g. all days off for decades). */
  NO_WORKING_TIME = 'CALENDAR_NO_WORKING_TIME',
}

export class CalendarError extends Error {
  override readonly name: string = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    /** Machine-readable context, e.g. `{ path: 'weeklyHours.mon[1]' }`. */
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** A calendar definition (JSON) that cannot be used; `path` points at the offending field. */
export class CalendarDefinitionError extends CalendarError {
  override readonly name = 'CalendarDefinitionError';

  constructor(
    code: CalendarErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(code, `${path}: ${message}`, { path });
  }
}
