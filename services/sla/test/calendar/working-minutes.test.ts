import { BusinessCalendar, CalendarError, CalendarErrorCode, getCalendar } from '../../src/calendar';
import { at, definition, hours, weekdays } from './support';

// R-SLA-1: business time in the contract's calendar. A UTC calendar with a lunch break:
// Mon-Fri 09:00-13:00 and 14:00-18:00. 2025-01-06 is a Monday, 2025-01-10 a Friday.
const lunch = new BusinessCalendar(definition('UTC', weekdays('09:00-13:00', '14:00-18:00')));

describe('R-SLA-1 addWorkingMinutes: roll forward, then consume; may end on a closing instant', () => {
  it.each([
    ['inside one interval', '2025-01-06T10:00Z', 60, '2025-01-06T11:00Z'],
    ['across the lunch break', '2025-01-06T12:30Z', 60, '2025-01-06T14:30Z'],
    ['ending exactly at the lunch close answers the close, not 14:00', '2025-01-06T12:00Z', 60, '2025-01-06T13:00Z'],
    ['ending exactly at the day close answers the close', '2025-01-06T17:00Z', 60, '2025-01-06T18:00Z'],
    ['Friday close is the answer, not Monday 09:00', '2025-01-10T17:00Z', 60, '2025-01-10T18:00Z'],
    ['one minute more goes to Monday', '2025-01-10T17:00Z', 61, '2025-01-13T09:01Z'],
    ['a start on Saturday rolls to Monday 09:00 first', '2025-01-11T10:00Z', 30, '2025-01-13T09:30Z'],
    ['a start in the lunch break rolls to 14:00 first', '2025-01-06T13:30Z', 30, '2025-01-06T14:30Z'],
    ['a start at a closing instant rolls to the next opening', '2025-01-06T18:00Z', 30, '2025-01-07T09:30Z'],
    ['a whole working week from Monday 09:00 ends Friday 18:00', '2025-01-06T09:00Z', 5 * 480, '2025-01-10T18:00Z'],
    ['one minute past a working week', '2025-01-06T09:00Z', 5 * 480 + 1, '2025-01-13T09:01Z'],
  ])('%s', (_, start, minutes, expected) => {
    expect(lunch.addWorkingMinutes(at(start), minutes)).toBe(at(expected));
  });

  it.each([
    ['working time: the start itself', '2025-01-06T10:00Z', '2025-01-06T10:00Z'],
    ['an opening instant: itself', '2025-01-06T09:00Z', '2025-01-06T09:00Z'],
    ['the lunch close: the next opening', '2025-01-06T13:00Z', '2025-01-06T14:00Z'],
    ['the Friday close: Monday opening', '2025-01-10T18:00Z', '2025-01-13T09:00Z'],
    ['Sunday: Monday opening', '2025-01-12T12:00Z', '2025-01-13T09:00Z'],
  ])('0 minutes at %s', (_, start, expected) => {
    expect(lunch.addWorkingMinutes(at(start), 0)).toBe(at(expected));
    expect(lunch.nextWorkingInstant(at(start))).toBe(at(expected));
  });

  it('keeps fractional minutes to the second', () => {
    expect(lunch.addWorkingMinutes(at('2025-01-06T10:00Z'), 1.5)).toBe(at('2025-01-06T10:01:30Z'));
    expect(lunch.addWorkingMinutes(at('2025-01-06T12:59Z'), 2.25)).toBe(at('2025-01-06T14:01:15Z'));
    expect(lunch.addWorkingMinutes(at('2025-01-06T10:00Z'), 1 / 60)).toBe(at('2025-01-06T10:00:01Z'));
    // 0.01 min = 0.6 s: rounded to the nearest second.
    expect(lunch.addWorkingMinutes(at('2025-01-06T10:00Z'), 0.01)).toBe(at('2025-01-06T10:00:01Z'));
  });

  it('keeps the milliseconds of the start', () => {
    expect(lunch.addWorkingMinutes(at('2025-01-06T10:00:00.250Z'), 1)).toBe(at('2025-01-06T10:01:00.250Z'));
  });

  it('with negative minutes subtracts', () => {
    expect(lunch.addWorkingMinutes(at('2025-01-06T14:30Z'), -60)).toBe(at('2025-01-06T12:30Z'));
    expect(lunch.addWorkingMinutes(at('2025-01-06T09:00Z'), -60)).toBe(at('2025-01-03T17:00Z'));
  });
});

describe('R-SLA-1 subtractWorkingMinutes: the mirror image; may end on an opening instant', () => {
  it.each([
    ['inside one interval', '2025-01-06T11:00Z', 60, '2025-01-06T10:00Z'],
    ['ending exactly at the opening answers the opening', '2025-01-06T10:00Z', 60, '2025-01-06T09:00Z'],
    ['from an opening instant goes to the previous day', '2025-01-06T09:00Z', 60, '2025-01-03T17:00Z'],
    ['across the lunch break', '2025-01-06T14:30Z', 60, '2025-01-06T12:30Z'],
    ['from the afternoon opening', '2025-01-06T14:00Z', 60, '2025-01-06T12:00Z'],
    ['a start in the lunch break rolls back to 13:00 first', '2025-01-06T13:30Z', 30, '2025-01-06T12:30Z'],
    ['a start before opening rolls back to the Friday close', '2025-01-06T08:00Z', 60, '2025-01-03T17:00Z'],
    ['ending exactly at the afternoon opening answers 14:00', '2025-01-06T15:00Z', 60, '2025-01-06T14:00Z'],
  ])('%s', (_, start, minutes, expected) => {
    expect(lunch.subtractWorkingMinutes(at(start), minutes)).toBe(at(expected));
  });

  it.each([
    ['working time: the start itself', '2025-01-06T10:00Z', '2025-01-06T10:00Z'],
    ['an opening instant is working time: itself', '2025-01-06T09:00Z', '2025-01-06T09:00Z'],
    ['a closing instant: itself', '2025-01-06T18:00Z', '2025-01-06T18:00Z'],
    ['the lunch break: the lunch close', '2025-01-06T13:30Z', '2025-01-06T13:00Z'],
    ['Sunday: the Friday close', '2025-01-12T12:00Z', '2025-01-10T18:00Z'],
    ['Monday before opening: the Friday close', '2025-01-13T08:59Z', '2025-01-10T18:00Z'],
  ])('0 minutes at %s', (_, start, expected) => {
    expect(lunch.subtractWorkingMinutes(at(start), 0)).toBe(at(expected));
    expect(lunch.previousClosingInstant(at(start))).toBe(at(expected));
  });

  it('with negative minutes adds', () => {
    expect(lunch.subtractWorkingMinutes(at('2025-01-06T12:00Z'), -60)).toBe(at('2025-01-06T13:00Z'));
  });
});

describe('R-SLA-1 workingMinutesBetween: working time in [a, b)', () => {
  it.each([
    ['inside one interval', '2025-01-06T10:00Z', '2025-01-06T11:00Z', 60],
    ['across the lunch break', '2025-01-06T12:30Z', '2025-01-06T14:30Z', 60],
    ['over a weekend', '2025-01-10T17:00Z', '2025-01-13T10:00Z', 120],
    ['within a weekend', '2025-01-11T00:00Z', '2025-01-12T23:59Z', 0],
    ['a whole day', '2025-01-06T00:00Z', '2025-01-07T00:00Z', 480],
    ['a whole week', '2025-01-06T00:00Z', '2025-01-13T00:00Z', 2400],
    ['the same instant', '2025-01-06T10:00Z', '2025-01-06T10:00Z', 0],
    ['seconds count as fractions', '2025-01-06T10:00:00Z', '2025-01-06T10:00:30Z', 0.5],
    ['reversed gives the negative', '2025-01-06T11:00Z', '2025-01-06T10:00Z', -60],
  ])('%s', (_, from, to, expected) => {
    expect(lunch.workingMinutesBetween(at(from), at(to))).toBe(expected);
  });

  it('measures what addWorkingMinutes consumed, also when it ends on a closing', () => {
    const start = at('2025-01-06T12:00Z');
    expect(lunch.workingMinutesBetween(start, lunch.addWorkingMinutes(start, 60))).toBe(60);
  });
});

describe('R-SLA-1 isWorkingTime: intervals are half-open [open, close)', () => {
  it.each([
    ['2025-01-06T09:00Z', true],
    ['2025-01-06T12:59:59.999Z', true],
    ['2025-01-06T13:00Z', false],
    ['2025-01-06T14:00Z', true],
    ['2025-01-06T17:59:59Z', true],
    ['2025-01-06T18:00Z', false],
    ['2025-01-11T12:00Z', false],
  ])('%s -> %s', (instant, expected) => {
    expect(lunch.isWorkingTime(at(instant))).toBe(expected);
  });
});

describe('R-SLA-1 holidays and per-date hours', () => {
  const calendar = new BusinessCalendar(
    definition('UTC', weekdays('09:00-18:00'), {
      holidays: ['2025-01-07', '2025-01-09'],
      dateHours: {
        '2025-01-08': hours('09:00-12:00'), // a shortened Wednesday
        '2025-01-09': hours('12:00-15:00'), // also a holiday: the per-date hours win
        '2025-01-11': hours('10:00-14:00'), // a working Saturday
        '2025-01-13': [], // a Monday without working time
      },
    }),
  );

  it('a holiday has no working time', () => {
    expect(calendar.workingMinutesBetween(at('2025-01-07T00:00Z'), at('2025-01-08T00:00Z'))).toBe(0);
    expect(calendar.addWorkingMinutes(at('2025-01-06T17:00Z'), 120)).toBe(at('2025-01-08T10:00Z'));
  });

  it('per-date hours replace the weekly hours of that date', () => {
    expect(calendar.workingMinutesBetween(at('2025-01-08T00:00Z'), at('2025-01-09T00:00Z'))).toBe(180);
    expect(calendar.isWorkingTime(at('2025-01-08T12:00Z'))).toBe(false);
  });

  it('per-date hours win over a holiday entry for the same date (the more specific rule)', () => {
    expect(calendar.workingMinutesBetween(at('2025-01-09T00:00Z'), at('2025-01-10T00:00Z'))).toBe(180);
    expect(calendar.isWorkingTime(at('2025-01-09T12:00Z'))).toBe(true);
  });

  it('per-date hours make a weekend day a working day', () => {
    expect(calendar.addWorkingMinutes(at('2025-01-10T17:00Z'), 120)).toBe(at('2025-01-11T11:00Z'));
  });

  it('empty per-date hours make a weekday a day off', () => {
    expect(calendar.nextWorkingInstant(at('2025-01-11T14:00Z'))).toBe(at('2025-01-14T09:00Z'));
  });

  it('working days and intervals of a date are visible', () => {
    expect(calendar.isWorkingDay('2025-01-11')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-07')).toBe(false);
    expect(calendar.workingIntervalsOn('2025-01-08')).toEqual([
      { start: at('2025-01-08T09:00Z'), end: at('2025-01-08T12:00Z') },
    ]);
    expect(calendar.workingDayCount('2025-01-06', '2025-01-12')).toBe(5); // Mon, Wed, Thu, Fri, Sat
  });
});

describe('R-SLA-1 the 24x7 calendar', () => {
  const always = getCalendar('24x7');

  it('is always working', () => {
    expect(always.isWorkingTime(at('2025-01-11T03:17Z'))).toBe(true);
    expect(always.nextWorkingInstant(at('2025-01-11T03:17Z'))).toBe(at('2025-01-11T03:17Z'));
    expect(always.previousClosingInstant(at('2025-01-11T03:17Z'))).toBe(at('2025-01-11T03:17Z'));
  });

  it('counts calendar time, across a year boundary too', () => {
    expect(always.addWorkingMinutes(at('2024-12-31T23:30Z'), 60)).toBe(at('2025-01-01T00:30Z'));
    expect(always.subtractWorkingMinutes(at('2025-01-01T00:30Z'), 60)).toBe(at('2024-12-31T23:30Z'));
    expect(always.workingMinutesBetween(at('2025-01-01T00:00Z'), at('2026-01-01T00:00Z'))).toBe(365 * 1440);
    expect(always.workingMinutesBetween(at('2024-01-01T00:00Z'), at('2025-01-01T00:00Z'))).toBe(366 * 1440);
  });
});

describe('inputs are checked', () => {
  function codeOf(action: () => unknown): CalendarErrorCode | undefined {
    try {
      action();
    } catch (error) {
      if (error instanceof CalendarError) return error.code;
      throw error;
    }
    return undefined;
  }

  it('refuses instants that are not finite or out of range', () => {
    expect(codeOf(() => lunch.addWorkingMinutes(Number.NaN, 1))).toBe(CalendarErrorCode.INVALID_INSTANT);
    expect(codeOf(() => lunch.isWorkingTime(new Date('not a date')))).toBe(CalendarErrorCode.INVALID_INSTANT);
    expect(codeOf(() => lunch.workingMinutesBetween(0, Number.POSITIVE_INFINITY))).toBe(
      CalendarErrorCode.INVALID_INSTANT,
    );
  });

  it('refuses amounts that are not finite, and days that are not integers', () => {
    expect(codeOf(() => lunch.addWorkingMinutes(0, Number.POSITIVE_INFINITY))).toBe(CalendarErrorCode.INVALID_AMOUNT);
    expect(codeOf(() => lunch.addWorkingDays(0, 1.5))).toBe(CalendarErrorCode.INVALID_AMOUNT);
  });

  it('gives up with NO_WORKING_TIME when a calendar never works', () => {
    const never = new BusinessCalendar(definition('UTC', {}));
    expect(codeOf(() => never.nextWorkingInstant(at('2025-01-01T00:00Z')))).toBe(CalendarErrorCode.NO_WORKING_TIME);
    expect(never.workingMinutesBetween(at('2025-01-01T00:00Z'), at('2026-01-01T00:00Z'))).toBe(0);
  });
});

describe('Date convenience wrappers', () => {
  it('take and return Dates', () => {
    const result = lunch.dates.addWorkingMinutes(new Date('2025-01-06T12:00Z'), 60);
    expect(result).toBeInstanceOf(Date);
    expect(result.toISOString()).toBe('2025-01-06T13:00:00.000Z');
    expect(lunch.dates.subtractWorkingMinutes(new Date('2025-01-06T10:00Z'), 60).toISOString()).toBe(
      '2025-01-06T09:00:00.000Z',
    );
    expect(lunch.dates.nextWorkingInstant(new Date('2025-01-06T13:00Z')).toISOString()).toBe(
      '2025-01-06T14:00:00.000Z',
    );
    expect(lunch.dates.previousClosingInstant(new Date('2025-01-06T13:30Z')).toISOString()).toBe(
      '2025-01-06T13:00:00.000Z',
    );
    expect(lunch.dates.addWorkingDays(new Date('2025-01-06T10:00Z'), 1).toISOString()).toBe('2025-01-07T10:00:00.000Z');
    expect(lunch.dates.workingMinutesBetween(new Date('2025-01-06T10:00Z'), new Date('2025-01-06T11:00Z'))).toBe(60);
    expect(lunch.dates.isWorkingTime(new Date('2025-01-06T10:00Z'))).toBe(true);
  });
});
