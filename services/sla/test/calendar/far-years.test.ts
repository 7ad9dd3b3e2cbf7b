import { BusinessCalendar, getCalendar } from '../../src/calendar';
import { at, definition, everyDay } from './support';

// R-SLA-1: instants far outside the precomputed range are computed on demand, year by year.

describe('R-SLA-1 far years are computed on demand', () => {
  const msk = getCalendar('msk-0900-1800');

  it('1990: weekly hours in Moscow (UTC+3 in January 1990), no production-calendar data', () => {
    expect(msk.hasDataFor(1990)).toBe(false);
    // Friday 1990-01-05 17:00 + 120 min -> Monday 1990-01-08 10:00.
    expect(msk.addWorkingMinutes(at('1990-01-05T17:00+03:00'), 120)).toBe(at('1990-01-08T10:00+03:00'));
  });

  it('1990: Moscow still had summer time (UTC+4 in July 1990)', () => {
    expect(msk.isWorkingTime(at('1990-07-02T05:00Z'))).toBe(true); // Monday 09:00 MSD
    expect(msk.isWorkingTime(at('1990-07-02T04:59Z'))).toBe(false);
  });

  it('2090: weekly hours (2090-01-01 is a Sunday)', () => {
    expect(msk.isWorkingDay('2090-01-01')).toBe(false);
    expect(msk.isWorkingDay('2090-01-02')).toBe(true);
    expect(msk.addWorkingMinutes(at('2090-01-06T17:00+03:00'), 120)).toBe(at('2090-01-09T10:00+03:00'));
  });

  it('2090: Berlin still changes clocks on the last Sunday of March (2090-03-26)', () => {
    const berlin = new BusinessCalendar(definition('Europe/Berlin', everyDay('00:00-24:00')));
    expect(berlin.workingMinutesBetween(at('2090-03-26T00:00+01:00'), at('2090-03-27T00:00+02:00'))).toBe(23 * 60);
  });

  it('spans of a century and more cross year blocks arithmetically', () => {
    const always = getCalendar('24x7');
    // 1990-01-01 .. 2090-01-01: 100 years, 25 of them leap (1992 .. 2088, 2000 included).
    expect(always.workingMinutesBetween(at('1990-01-01T00:00Z'), at('2090-01-01T00:00Z'))).toBe(36525 * 1440);
    expect(always.addWorkingMinutes(at('1990-01-01T00:00Z'), 36525 * 1440)).toBe(at('2090-01-01T00:00Z'));
  });

  it('a calendar keeping 2 year blocks answers a five-year span like any other', () => {
    const tight = new BusinessCalendar(presetDefinition(), { maxCachedYears: 2 });
    // 2023 and 2027 have no data: weekdays only (260 and 261 of them); 2024-2026 from the
    // production calendar at 9 h a day, 1 h less on shortened days.
    const expectedHours = 260 * 9 + (248 * 9 - 5) + (247 * 9 - 4) + (247 * 9 - 4) + 261 * 9;
    expect(tight.workingMinutesBetween(at('2023-01-01T00:00+03:00'), at('2028-01-01T00:00+03:00'))).toBe(
      expectedHours * 60,
    );
    expect(tight.addWorkingMinutes(at('2023-01-01T00:00+03:00'), expectedHours * 60)).toBe(
      at('2027-12-31T18:00+03:00'),
    );
  });
});

function presetDefinition() {
  return getCalendar('msk-0900-1800').toJSON();
}
