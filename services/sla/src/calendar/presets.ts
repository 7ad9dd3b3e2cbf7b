import { BusinessCalendar, type BusinessCalendarOptions } from './business-calendar';
import type { CalendarDefinition, WeeklyHoursDefinition, WorkingIntervalDefinition } from './definition';
import { CalendarError, CalendarErrorCode } from './errors';

/** Stable ids of the calendars the product ships. */
export type PresetCalendarId = 'msk-0845-1700' | 'msk-0900-1800' | 'msk-0800-1800' | 'almaty-0900-1800' | '24x7';

/** The five regulation presets (docs/domain.md) and the calendar each one uses (R-SLA-1). */
export const CALENDAR_OF_PRESET = {
  'imc-typical': 'msk-0900-1800',
  asmo: 'msk-0845-1700',
  'altec-8x5x4': 'msk-0900-1800',
  'kz-supplier': 'almaty-0900-1800',
  'infocraft-365': 'msk-0800-1800',
} as const satisfies Readonly<Record<string, PresetCalendarId>>;

function mondayToFriday(from: string, to: string): WeeklyHoursDefinition {
  const day: readonly WorkingIntervalDefinition[] = [{ from, to }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
}

function moscow(id: PresetCalendarId, from: string, to: string): CalendarDefinition {
  return {
    id,
    name: `Moscow ${from}-${to}, Mon-Fri, production calendar of the Russian Federation`,
    timeZone: 'Europe/Moscow',
    weeklyHours: mondayToFriday(from, to),
    // R-SLA-2: holidays off, working Saturdays worked, pre-holiday days close one hour earlier.
    productionCalendar: { id: 'ru', shortDayMinutes: 60 },
  };
}

const ALL_DAY: readonly WorkingIntervalDefinition[] = [{ from: '00:00', to: '24:00' }];

/** The shipped calendars as plain definitions (the same JSON a custom calendar is stored as). */
export const PRESET_CALENDAR_DEFINITIONS: Readonly<Record<PresetCalendarId, CalendarDefinition>> = {
  'msk-0845-1700': moscow('msk-0845-1700', '08:45', '17:00'),
  'msk-0900-1800': moscow('msk-0900-1800', '09:00', '18:00'),
  'msk-0800-1800': moscow('msk-0800-1800', '08:00', '18:00'),
  // kz-supplier names no hours: Mon-Fri 09:00-18:00 in Almaty with the production calendar of
  // Kazakhstan; the days off a contract lists come on top. Kazakhstan moved to UTC+5 on
  // 2024-03-01: the zone data knows it, nothing to do here.
  'almaty-0900-1800': {
    id: 'almaty-0900-1800',
    name: 'Almaty 09:00-18:00, Mon-Fri, production calendar of the Republic of Kazakhstan',
    timeZone: 'Asia/Almaty',
    weeklyHours: mondayToFriday('09:00', '18:00'),
    holidays: [],
    // R-SLA-2: holidays and days off moved by decree; the KZ calendar has no shortened days.
    productionCalendar: { id: 'kz' },
  },
  '24x7': {
    id: '24x7',
    name: '24x7 (UTC), always working',
    timeZone: 'UTC',
    weeklyHours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  },
};

export const PRESET_CALENDAR_IDS = Object.keys(PRESET_CALENDAR_DEFINITIONS) as readonly PresetCalendarId[];

/** A deep copy of a shipped definition, to derive a contract's own calendar from. */
export function presetCalendarDefinition(id: PresetCalendarId): CalendarDefinition {
  const definition = PRESET_CALENDAR_DEFINITIONS[id] as CalendarDefinition | undefined;
  if (definition === undefined) {
    throw new CalendarError(CalendarErrorCode.UNKNOWN_CALENDAR, `no preset calendar "${String(id)}"`, {
      id: String(id),
    });
  }
  return structuredClone(definition);
}

export function createPresetCalendar(id: PresetCalendarId, options?: BusinessCalendarOptions): BusinessCalendar {
  return new BusinessCalendar(presetCalendarDefinition(id), options);
}

/** What a contract changes in a base calendar: its own id and name, its holidays and shifts. */
export interface CalendarChanges {
  readonly id: string;
  readonly name?: string;
  /** Added to the base's holidays (e.g. kz-supplier: the holiday list the contract fills). */
  readonly holidays?: readonly string[];
  /** Added to the base's per-date hours; the change wins for a date in both. */
  readonly dateHours?: Readonly<Record<string, readonly WorkingIntervalDefinition[]>>;
}

/** A new definition: `base` with a contract's changes (validated when a calendar is built). */
export function deriveCalendarDefinition(base: CalendarDefinition, changes: CalendarChanges): CalendarDefinition {
  const copy = structuredClone(base);
  return {
    ...copy,
    id: changes.id,
    name: changes.name ?? copy.name,
    holidays: [...new Set([...(copy.holidays ?? []), ...(changes.holidays ?? [])])],
    dateHours: { ...copy.dateHours, ...changes.dateHours },
  };
}
