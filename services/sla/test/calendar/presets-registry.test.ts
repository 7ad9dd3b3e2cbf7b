import {
  BusinessCalendar,
  CALENDAR_OF_PRESET,
  CalendarError,
  CalendarErrorCode,
  CalendarRegistry,
  calendarFromJson,
  deriveCalendarDefinition,
  getCalendar,
  listCalendars,
  presetCalendarDefinition,
} from '../../src/calendar';
import { at } from './support';

function codeOf(action: () => unknown): CalendarErrorCode | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CalendarError) return error.code;
    throw error;
  }
  return undefined;
}

describe('R-SLA-1 the shipped calendars', () => {
  it('are listed with stable ids, names and zones', () => {
    expect(listCalendars().map((c) => [c.id, c.timeZone])).toEqual([
      ['msk-0845-1700', 'Europe/Moscow'],
      ['msk-0900-1800', 'Europe/Moscow'],
      ['msk-0800-1800', 'Europe/Moscow'],
      ['almaty-0900-1800', 'Asia/Almaty'],
      ['24x7', 'UTC'],
    ]);
    for (const calendar of listCalendars()) expect(calendar.name.length).toBeGreaterThan(0);
  });

  it('map the five regulation presets to their calendars', () => {
    expect(CALENDAR_OF_PRESET).toEqual({
      'imc-typical': 'msk-0900-1800',
      asmo: 'msk-0845-1700',
      'altec-8x5x4': 'msk-0900-1800',
      'kz-supplier': 'almaty-0900-1800',
      'infocraft-365': 'msk-0800-1800',
    });
    for (const id of Object.values(CALENDAR_OF_PRESET)) expect(getCalendar(id).id).toBe(id);
  });

  it.each([
    ['msk-0845-1700', 8 * 60 + 15],
    ['msk-0900-1800', 9 * 60],
    ['msk-0800-1800', 10 * 60],
  ])('%s works %i minutes on an ordinary Monday (2025-01-13)', (id, minutes) => {
    expect(getCalendar(id).workingMinutesBetween(at('2025-01-13T00:00+03:00'), at('2025-01-14T00:00+03:00'))).toBe(
      minutes,
    );
  });

  it('an unknown id is a typed error', () => {
    expect(codeOf(() => getCalendar('mars-0900-1800'))).toBe(CalendarErrorCode.UNKNOWN_CALENDAR);
  });

  it('a preset definition is a copy: changing it changes nothing shipped', () => {
    const copy = presetCalendarDefinition('almaty-0900-1800');
    (copy.holidays as string[]).push('2025-03-21');
    expect(presetCalendarDefinition('almaty-0900-1800').holidays).toEqual([]);
  });
});

describe('R-SLA-1 kz-supplier: Almaty hours with the holiday list the contract fills, stored as JSON', () => {
  const definition = deriveCalendarDefinition(presetCalendarDefinition('almaty-0900-1800'), {
    id: 'contract-kz-42',
    name: 'KZ supplier, contract 42',
    holidays: ['2025-03-26'], // the company's own day off after Nauryz
  });

  it('skips the contract holidays on top of the production calendar of Kazakhstan', () => {
    const calendar = new BusinessCalendar(definition);
    // Thu 20 March 17:00 + 120 min: 1 h on Thursday; Nauryz Fri 21 - Sun 23 with its days off moved
    // to Mon 24 and Tue 25 (KZ 2025); Wed 26 the contract's own day off; 1 h on Thu 27.
    expect(calendar.addWorkingMinutes(at('2025-03-20T17:00+05:00'), 120)).toBe(at('2025-03-27T10:00+05:00'));
  });

  it('round-trips through stored JSON into a registry next to the presets', () => {
    const stored = JSON.stringify(new BusinessCalendar(definition));
    const registry = new CalendarRegistry(listCalendars());
    const calendar = registry.register(calendarFromJson(stored));
    expect(registry.get('contract-kz-42')).toBe(calendar);
    expect(registry.find('nope')).toBeUndefined();
    expect(registry.list()).toHaveLength(6);
    expect(calendar.addWorkingMinutes(at('2025-03-20T17:00+05:00'), 120)).toBe(at('2025-03-27T10:00+05:00'));
  });

  it('refuses a second calendar with the same id', () => {
    const registry = new CalendarRegistry(listCalendars());
    expect(codeOf(() => registry.register(presetCalendarDefinition('24x7')))).toBe(
      CalendarErrorCode.DUPLICATE_CALENDAR,
    );
  });
});
