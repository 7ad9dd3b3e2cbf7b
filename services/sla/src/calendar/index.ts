/**
 * The business-time engine (R-SLA-1, R-SLA-2): pure, no I/O. Instants are epoch ms (UTC);
 * `calendar.dates` has the same operations with Dates.
 */
export { BusinessCalendar } from './business-calendar';
export type { BusinessCalendarOptions, CalendarCoverage, WorkingInterval } from './business-calendar';
export { BusinessCalendarDates } from './business-calendar-dates';
export type {
  CalendarDefinition,
  ProductionCalendarBinding,
  WeekdayKey,
  WeeklyHoursDefinition,
  WorkingIntervalDefinition,
} from './definition';
export { WEEKDAY_KEYS } from './definition';
export { CalendarDefinitionError, CalendarError, CalendarErrorCode } from './errors';
export type { Instant } from './instant';
export { formatIsoDate, parseIsoDate } from './civil-date';
export { parseCalendarDefinition } from './parse-definition';
export {
  BUILT_IN_PRODUCTION_CALENDARS,
  KZ_PRODUCTION_CALENDAR,
  RU_PRODUCTION_CALENDAR,
  loadProductionCalendar,
} from './production-calendar';
export type { ProductionCalendar, ProductionCalendarYear } from './production-calendar';
export {
  CALENDAR_OF_PRESET,
  PRESET_CALENDAR_DEFINITIONS,
  PRESET_CALENDAR_IDS,
  createPresetCalendar,
  deriveCalendarDefinition,
  presetCalendarDefinition,
} from './presets';
export type { CalendarChanges, PresetCalendarId } from './presets';
export { CalendarRegistry, calendarFromJson, getCalendar, listCalendars } from './registry';
