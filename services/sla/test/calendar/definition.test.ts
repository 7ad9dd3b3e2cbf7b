import {
  BusinessCalendar,
  CalendarDefinitionError,
  CalendarErrorCode,
  calendarFromJson,
  parseCalendarDefinition,
} from '../../src/calendar';
import { definition, hours, weekdays } from './support';

function failure(input: unknown): CalendarDefinitionError {
  try {
    new BusinessCalendar(input);
  } catch (error) {
    if (error instanceof CalendarDefinitionError) return error;
    throw error;
  }
  throw new Error('expected the definition to be refused');
}

describe('calendar definitions are validated with typed errors naming what is wrong', () => {
  const valid = definition('Europe/Moscow', weekdays('09:00-13:00', '14:00-18:00'));

  it('accepts a valid definition and keeps it as plain JSON', () => {
    const calendar = new BusinessCalendar(JSON.parse(JSON.stringify(valid)));
    expect(calendar.id).toBe('test');
    expect(calendar.timeZone).toBe('Europe/Moscow');
    expect(JSON.parse(JSON.stringify(calendar))).toEqual(valid);
  });

  it('builds a calendar from a JSON string', () => {
    expect(calendarFromJson(JSON.stringify(valid)).name).toBe('Test calendar');
  });

  it.each([
    ['9:00', 'one-digit hour'],
    ['09:60', 'minute 60'],
    ['24:01', 'past 24:00'],
    ['25:00', 'hour 25'],
    ['0900', 'no colon'],
  ])('refuses the time %s (%s)', (bad) => {
    const error = failure(definition('UTC', { mon: [{ from: bad, to: '18:00' }] }));
    expect(error.code).toBe(CalendarErrorCode.INVALID_TIME_OF_DAY);
    expect(error.path).toBe('weeklyHours.mon[0].from');
    expect(error.message).toContain(bad);
  });

  it('refuses an interval that crosses midnight and says how to split it', () => {
    const error = failure(definition('UTC', { fri: hours('22:00-06:00') }));
    expect(error.code).toBe(CalendarErrorCode.INTERVAL_CROSSES_MIDNIGHT);
    expect(error.path).toBe('weeklyHours.fri[0]');
    expect(error.message).toContain('22:00-24:00 and 00:00-06:00');
  });

  it('refuses an empty interval', () => {
    expect(failure(definition('UTC', { mon: hours('10:00-10:00') })).code).toBe(CalendarErrorCode.EMPTY_INTERVAL);
  });

  it('refuses overlapping intervals of one day, naming both', () => {
    const error = failure(definition('UTC', { tue: hours('09:00-13:00', '12:30-18:00') }));
    expect(error.code).toBe(CalendarErrorCode.OVERLAPPING_INTERVALS);
    expect(error.path).toBe('weeklyHours.tue[1]');
    expect(error.message).toContain('12:30-18:00 overlaps 09:00-13:00');
  });

  it('accepts touching intervals and 24:00 as the end of the day', () => {
    expect(() => new BusinessCalendar(definition('UTC', { sat: hours('00:00-12:00', '12:00-24:00') }))).not.toThrow();
  });

  it('refuses an unknown time zone', () => {
    const error = failure(definition('Europe/Atlantis', weekdays('09:00-18:00')));
    expect(error.code).toBe(CalendarErrorCode.UNKNOWN_TIME_ZONE);
    expect(error.path).toBe('timeZone');
  });

  it('refuses a weekday key that is not mon..sun', () => {
    const error = failure({ ...definition('UTC', {}), weeklyHours: { monday: hours('09:00-18:00') } });
    expect(error.code).toBe(CalendarErrorCode.UNKNOWN_WEEKDAY);
    expect(error.path).toBe('weeklyHours.monday');
  });

  it('refuses holidays and per-date hours on dates that do not exist', () => {
    const holiday = failure(definition('UTC', weekdays('09:00-18:00'), { holidays: ['2025-02-29'] }));
    expect(holiday.code).toBe(CalendarErrorCode.INVALID_DATE);
    expect(holiday.path).toBe('holidays[0]');
    const dated = failure(
      definition('UTC', weekdays('09:00-18:00'), { dateHours: { '2025-13-01': hours('09:00-12:00') } }),
    );
    expect(dated.code).toBe(CalendarErrorCode.INVALID_DATE);
  });

  it('refuses bad per-date hours with their path', () => {
    const error = failure(
      definition('UTC', weekdays('09:00-18:00'), { dateHours: { '2025-05-03': hours('18:00-09:00') } }),
    );
    expect(error.code).toBe(CalendarErrorCode.INTERVAL_CROSSES_MIDNIGHT);
    expect(error.path).toBe('dateHours.2025-05-03[0]');
  });

  it('refuses a production calendar that is not loaded', () => {
    const error = failure(definition('Europe/Moscow', weekdays('09:00-18:00'), { productionCalendar: { id: 'xx' } }));
    expect(error.code).toBe(CalendarErrorCode.UNKNOWN_PRODUCTION_CALENDAR);
  });

  it.each([
    [null, '$'],
    [{ name: 'x', timeZone: 'UTC', weeklyHours: {} }, 'id'],
    [{ id: 'x', name: 'x', timeZone: 'UTC', weeklyHours: [] }, 'weeklyHours'],
    [{ id: 'x', name: 'x', timeZone: 'UTC', weeklyHours: { mon: 'always' } }, 'weeklyHours.mon'],
    [{ id: 'x', name: 'x', timeZone: 'UTC', weeklyHours: {}, holidays: '2025-01-01' }, 'holidays'],
  ])('refuses a malformed definition (%j) at %s', (input, path) => {
    const error = failure(input);
    expect(error.code).toBe(CalendarErrorCode.INVALID_DEFINITION);
    expect(error.path).toBe(path);
  });

  it('parseCalendarDefinition returns a clean copy without unknown fields', () => {
    const parsed = parseCalendarDefinition({ ...valid, extra: 1 });
    expect(parsed).toEqual(valid);
  });
});
