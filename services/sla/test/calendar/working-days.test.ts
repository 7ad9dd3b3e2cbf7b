import { BusinessCalendar, getCalendar } from '../../src/calendar';
import { at, definition, everyDay, hours } from './support';

// R-SLA-1 addWorkingDays: roll forward to working time, then the same local time of day on the
// n-th following (n < 0: previous) working day. On the target day a time before its opening or
// in a break rolls forward to that day's next opening; a time at or past its close answers the
// day's closing instant.
//
// UTC calendar with different days: Mon 09-18, Tue 10-18, Wed 09-13 + 14-18, Thu 09-18,
// Fri 09-16; holiday Thu 2025-01-16. 2025-01-06 is a Monday.
const week = new BusinessCalendar(
  definition(
    'UTC',
    {
      mon: hours('09:00-18:00'),
      tue: hours('10:00-18:00'),
      wed: hours('09:00-13:00', '14:00-18:00'),
      thu: hours('09:00-18:00'),
      fri: hours('09:00-16:00'),
    },
    { holidays: ['2025-01-16'] },
  ),
);

describe('R-SLA-1 addWorkingDays forward', () => {
  it.each([
    ['the same time on the next day', '2025-01-06T11:00Z', 1, '2025-01-07T11:00Z'],
    ['skips the weekend', '2025-01-10T11:00Z', 1, '2025-01-13T11:00Z'],
    ['skips a holiday', '2025-01-15T11:00Z', 1, '2025-01-17T11:00Z'],
    ['ten working days, over a weekend and a holiday', '2025-01-06T11:00Z', 10, '2025-01-21T11:00Z'],
    ['before the target day opens: rolls to its opening', '2025-01-06T09:30Z', 1, '2025-01-07T10:00Z'],
    ['in the target day lunch break: rolls to its afternoon opening', '2025-01-07T13:30Z', 1, '2025-01-08T14:00Z'],
    ['past the close of a shorter target day: its closing instant', '2025-01-09T17:00Z', 1, '2025-01-10T16:00Z'],
    ['exactly at the close of a shorter target day: its closing instant', '2025-01-09T16:00Z', 1, '2025-01-10T16:00Z'],
    [
      'a start on Saturday rolls to Monday 09:00 first, then Tuesday opens 10:00',
      '2025-01-11T12:00Z',
      1,
      '2025-01-14T10:00Z',
    ],
    ['a start after the Friday close rolls to Monday first', '2025-01-10T17:00Z', 1, '2025-01-14T10:00Z'],
    ['seconds and milliseconds are kept', '2025-01-06T11:22:33.500Z', 1, '2025-01-07T11:22:33.500Z'],
  ])('%s', (_, start, days, expected) => {
    expect(week.addWorkingDays(at(start), days)).toBe(at(expected));
  });

  it('0 days is the start rolled forward to working time', () => {
    expect(week.addWorkingDays(at('2025-01-06T11:00Z'), 0)).toBe(at('2025-01-06T11:00Z'));
    expect(week.addWorkingDays(at('2025-01-11T12:00Z'), 0)).toBe(at('2025-01-13T09:00Z'));
  });
});

describe('R-SLA-1 addWorkingDays backward (e.g. warn 1 working day before a deadline)', () => {
  it.each([
    ['the same time on the previous day', '2025-01-07T11:00Z', -1, '2025-01-06T11:00Z'],
    ['back over the weekend', '2025-01-13T11:00Z', -1, '2025-01-10T11:00Z'],
    ['back over a holiday', '2025-01-17T11:00Z', -1, '2025-01-15T11:00Z'],
    ['five working days back', '2025-01-13T11:00Z', -5, '2025-01-06T11:00Z'],
    ['past the close of the shorter Friday: its closing instant', '2025-01-13T17:00Z', -1, '2025-01-10T16:00Z'],
    ['before the Tuesday opening: rolls forward to it', '2025-01-08T09:30Z', -1, '2025-01-07T10:00Z'],
    ['a warning one working day before a Wednesday 15:00 deadline', '2025-01-15T15:00Z', -1, '2025-01-14T15:00Z'],
    // The start is rolled forward first in both directions (one rule): Saturday -> Monday 09:00.
    [
      'a start on Saturday rolls forward to Monday 09:00, then back to Friday',
      '2025-01-11T12:00Z',
      -1,
      '2025-01-10T09:00Z',
    ],
  ])('%s', (_, start, days, expected) => {
    expect(week.addWorkingDays(at(start), days)).toBe(at(expected));
  });
});

describe('R-SLA-1 addWorkingDays across years and zones', () => {
  it('crosses a year boundary both ways', () => {
    expect(week.addWorkingDays(at('2025-12-31T10:00Z'), 1)).toBe(at('2026-01-01T10:00Z'));
    expect(week.addWorkingDays(at('2026-01-01T10:00Z'), -1)).toBe(at('2025-12-31T10:00Z'));
  });

  it('keeps the local time of day across a DST change (New York, 2024-03-10)', () => {
    const ny = new BusinessCalendar(
      definition('America/New_York', { mon: hours('09:00-17:00'), fri: hours('09:00-17:00') }),
    );
    // Friday 10:00 EST (UTC-5) -> Monday 10:00 EDT (UTC-4).
    expect(ny.addWorkingDays(at('2024-03-08T10:00-05:00'), 1)).toBe(at('2024-03-11T10:00-04:00'));
    expect(ny.addWorkingDays(at('2024-03-11T10:00-04:00'), -1)).toBe(at('2024-03-08T10:00-05:00'));
  });

  it('moves a local time that the target day skips forward by the gap (Berlin, 2024-03-31)', () => {
    const berlin = new BusinessCalendar(definition('Europe/Berlin', everyDay('00:00-24:00')));
    // Saturday 02:30 CET -> Sunday 02:30 does not exist -> 03:30 CEST.
    expect(berlin.addWorkingDays(at('2024-03-30T02:30+01:00'), 1)).toBe(at('2024-03-31T03:30+02:00'));
  });

  it('takes the first occurrence of an ambiguous local time (Berlin, 2024-10-27)', () => {
    const berlin = new BusinessCalendar(definition('Europe/Berlin', everyDay('00:00-24:00')));
    expect(berlin.addWorkingDays(at('2024-10-26T02:30+02:00'), 1)).toBe(at('2024-10-27T02:30+02:00'));
    // From the second occurrence (02:30 CET) the next day's 02:30 is CET as well.
    expect(berlin.addWorkingDays(at('2024-10-27T02:30+01:00'), 1)).toBe(at('2024-10-28T02:30+01:00'));
  });

  it('R-SLA-2 a shortened pre-holiday day answers its earlier close (Moscow, 2025-03-07)', () => {
    const msk = getCalendar('msk-0900-1800');
    // Thu 17:30 -> Fri 2025-03-07 17:30, but the shortened Friday closes at 17:00.
    expect(msk.addWorkingDays(at('2025-03-06T17:30+03:00'), 1)).toBe(at('2025-03-07T17:00+03:00'));
    // Sat 03-08 is a holiday, Sun off: Friday noon + 1 = Monday noon.
    expect(msk.addWorkingDays(at('2025-03-07T12:00+03:00'), 1)).toBe(at('2025-03-10T12:00+03:00'));
  });
});
