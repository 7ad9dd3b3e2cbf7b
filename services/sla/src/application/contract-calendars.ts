import {
  type BusinessCalendar,
  deriveCalendarDefinition,
  getCalendar,
  type PresetCalendarId,
  presetCalendarDefinition,
  BusinessCalendar as Calendar,
} from '../calendar';

export interface ContractCalendarSettings {
  coverage: string | null;
  holidays: readonly string[];
}

const MAX_CACHED = 500;

/**
 * The calendar a contract's clocks run in: its preset's calendar, all day every day for a 24x7
 * coverage (R-CON-8), plus the days off the contract lists (kz-supplier: "a holiday list the
 * contract fills"). Derived calendars are cached (bounded) by what they are made of.
 */
export class ContractCalendars {
  private readonly cache = new Map<string, BusinessCalendar>();

  calendarFor(calendarId: string, contract: ContractCalendarSettings | null): BusinessCalendar {
    if (contract?.coverage?.toLowerCase() === '24x7') return getCalendar('24x7');
    const holidays = [...new Set(contract?.holidays ?? [])].sort();
    if (holidays.length === 0) return getCalendar(calendarId);
    const key = `${calendarId}|${holidays.join(',')}`;
    let calendar = this.cache.get(key);
    if (!calendar) {
      calendar = new Calendar(
        deriveCalendarDefinition(presetCalendarDefinition(calendarId as PresetCalendarId), {
          id: `${calendarId}+${holidays.length}`,
          holidays,
        }),
      );
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, calendar);
    }
    return calendar;
  }
}
