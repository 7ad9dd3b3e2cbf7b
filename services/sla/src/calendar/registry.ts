import { BusinessCalendar } from './business-calendar';
import { CalendarError, CalendarErrorCode } from './errors';
import { PRESET_CALENDAR_IDS, createPresetCalendar } from './presets';

/** Calendars by id: the shipped presets, plus whatever custom calendars a service adds. */
export class CalendarRegistry {
  private readonly calendars = new Map<string, BusinessCalendar>();

  constructor(calendars: Iterable<BusinessCalendar> = []) {
    for (const calendar of calendars) this.register(calendar);
  }

  /** Adds a calendar; a definition (e.g. parsed JSON) is validated and built first. */
  register(calendar: unknown): BusinessCalendar {
    const built = calendar instanceof BusinessCalendar ? calendar : new BusinessCalendar(calendar);
    if (this.calendars.has(built.id)) {
      throw new CalendarError(CalendarErrorCode.DUPLICATE_CALENDAR, `a calendar "${built.id}" is already registered`, {
        id: built.id,
      });
    }
    this.calendars.set(built.id, built);
    return built;
  }

  get(id: string): BusinessCalendar {
    const calendar = this.calendars.get(id);
    if (calendar === undefined) {
      throw new CalendarError(CalendarErrorCode.UNKNOWN_CALENDAR, `no calendar "${id}"`, { id });
    }
    return calendar;
  }

  find(id: string): BusinessCalendar | undefined {
    return this.calendars.get(id);
  }

  list(): BusinessCalendar[] {
    return [...this.calendars.values()];
  }
}

let presets: CalendarRegistry | null = null;

function presetRegistry(): CalendarRegistry {
  presets ??= new CalendarRegistry(PRESET_CALENDAR_IDS.map((id) => createPresetCalendar(id)));
  return presets;
}

/** A shipped calendar by id (e.g. "msk-0900-1800"); throws CalendarError UNKNOWN_CALENDAR. */
export function getCalendar(id: string): BusinessCalendar {
  return presetRegistry().get(id);
}

/** The shipped calendars, each with id, name, timeZone and the operations. */
export function listCalendars(): BusinessCalendar[] {
  return presetRegistry().list();
}

/** A calendar from a stored JSON definition (validated; throws CalendarDefinitionError). */
export function calendarFromJson(json: unknown): BusinessCalendar {
  return new BusinessCalendar(typeof json === 'string' ? (JSON.parse(json) as unknown) : json);
}
