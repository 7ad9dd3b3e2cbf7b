import {
  BusinessCalendar,
  CalendarError,
  CalendarErrorCode,
  RU_PRODUCTION_CALENDAR,
  deriveCalendarDefinition,
  getCalendar,
  loadProductionCalendar,
  presetCalendarDefinition,
} from '../../src/calendar';
import meta from '../../data/production-calendar/ru/_meta.json';
import ru2024 from '../../data/production-calendar/ru/2024.json';
import ru2025 from '../../data/production-calendar/ru/2025.json';
import ru2026 from '../../data/production-calendar/ru/2026.json';
import { at, definition, hours, weekdays } from './support';

// R-SLA-2: the national production calendar counts: public holidays, days off moved by decree,
// working Saturdays, and pre-holiday days one hour shorter. It is data, one file per year.

/** An 8-hour day (09:00-17:00 Moscow) with the production calendar: the official norm of a 40-h week. */
const norm = new BusinessCalendar(
  definition('Europe/Moscow', weekdays('09:00-17:00'), { productionCalendar: { id: 'ru' } }),
);

function hoursIn(calendar: BusinessCalendar, from: string, to: string): number {
  return calendar.workingMinutesBetween(at(`${from}T00:00+03:00`), at(`${to}T00:00+03:00`)) / 60;
}

describe('R-SLA-2 yearly norms of the RU production calendar (8 h a day, 7 h on shortened days)', () => {
  it.each([
    [2024, 248, 1979],
    [2025, 247, 1972],
    [2026, 247, 1972],
  ])('%i: %i working days, %i working hours', (year, days, totalHours) => {
    expect(norm.workingDayCount(`${year}-01-01`, `${year}-12-31`)).toBe(days);
    expect(hoursIn(norm, `${year}-01-01`, `${year + 1}-01-01`)).toBe(totalHours);
  });

  it('2025 month by month (working days / hours of a 40-hour week)', () => {
    const expected: Array<[number, number]> = [
      [17, 136],
      [20, 160],
      [21, 167],
      [22, 175],
      [18, 144],
      [19, 151],
      [23, 184],
      [21, 168],
      [22, 176],
      [23, 184],
      [19, 151],
      [22, 176],
    ];
    expected.forEach(([days, monthHours], index) => {
      const month = String(index + 1).padStart(2, '0');
      const next = index === 11 ? '2026-01' : `2025-${String(index + 2).padStart(2, '0')}`;
      const lastDay = new Date(Date.UTC(2025, index + 1, 0)).getUTCDate();
      expect([
        norm.workingDayCount(`2025-${month}-01`, `2025-${month}-${lastDay}`),
        hoursIn(norm, `2025-${month}-01`, `${next}-01`),
      ]).toEqual([days, monthHours]);
    });
  });

  it('agrees with the totals shipped in every year file', () => {
    for (const year of [ru2024, ru2025, ru2026]) {
      expect(norm.workingDayCount(`${year.year}-01-01`, `${year.year}-12-31`)).toBe(year.totals.workingDays);
      expect(hoursIn(norm, `${year.year}-01-01`, `${year.year + 1}-01-01`)).toBe(year.totals.hours40);
    }
  });
});

describe('R-SLA-2 the Moscow presets follow the production calendar', () => {
  const msk = getCalendar('msk-0900-1800');

  it('a moved working Saturday works (2024-04-27) and the weekday it frees does not (2024-04-29)', () => {
    expect(msk.workingIntervalsOn('2024-04-27')).toEqual([
      { start: at('2024-04-27T09:00+03:00'), end: at('2024-04-27T18:00+03:00') },
    ]);
    expect(msk.isWorkingDay('2024-04-29')).toBe(false);
  });

  it('a shortened day closes one hour earlier, a shortened working Saturday too (2024-11-02)', () => {
    expect(msk.workingIntervalsOn('2025-03-07')).toEqual([
      { start: at('2025-03-07T09:00+03:00'), end: at('2025-03-07T17:00+03:00') },
    ]);
    expect(msk.workingIntervalsOn('2024-11-02')).toEqual([
      { start: at('2024-11-02T09:00+03:00'), end: at('2024-11-02T17:00+03:00') },
    ]);
    expect(getCalendar('msk-0845-1700').workingIntervalsOn('2025-03-07')).toEqual([
      { start: at('2025-03-07T08:45+03:00'), end: at('2025-03-07T16:00+03:00') },
    ]);
    expect(getCalendar('msk-0800-1800').workingIntervalsOn('2025-03-07')).toEqual([
      { start: at('2025-03-07T08:00+03:00'), end: at('2025-03-07T17:00+03:00') },
    ]);
  });

  it('public holidays and moved days off have no working time', () => {
    for (const date of [
      '2025-01-01',
      '2025-01-08',
      '2025-05-02',
      '2025-06-13',
      '2025-11-03',
      '2025-11-04',
      '2025-12-31',
    ]) {
      expect([date, msk.isWorkingDay(date)]).toEqual([date, false]);
    }
  });

  it('deadlines run over the New Year holidays, starting on a working Saturday', () => {
    // 2024-12-28 is a working Saturday: 17:00 + 120 min = 1 h that day, then 2024-12-29 .. 2025-01-08 off,
    // then 1 h on Thursday 2025-01-09.
    expect(msk.addWorkingMinutes(at('2024-12-28T17:00+03:00'), 120)).toBe(at('2025-01-09T10:00+03:00'));
    expect(msk.subtractWorkingMinutes(at('2025-01-09T10:00+03:00'), 120)).toBe(at('2024-12-28T17:00+03:00'));
    // From the shortened 2025-03-07 (closes 17:00): 30 min that day, 03-08 holiday, 30 min on Monday.
    expect(msk.addWorkingMinutes(at('2025-03-07T16:30+03:00'), 60)).toBe(at('2025-03-10T09:30+03:00'));
  });

  it("the calendar's own per-date hours and holidays win over the production calendar", () => {
    const contract = new BusinessCalendar(
      deriveCalendarDefinition(presetCalendarDefinition('msk-0900-1800'), {
        id: 'contract-1',
        holidays: ['2024-04-27'], // the contract does not work that moved Saturday
        dateHours: { '2025-01-08': hours('10:00-14:00') }, // a duty shift on a public holiday
      }),
    );
    expect(contract.isWorkingDay('2024-04-27')).toBe(false);
    expect(hoursIn(contract, '2025-01-08', '2025-01-09')).toBe(4);
  });
});

describe('R-SLA-2 years without data', () => {
  const msk = getCalendar('msk-0900-1800');

  it('coverage and hasDataFor show which years have production-calendar data', () => {
    expect(msk.coverage).toEqual({ productionCalendar: 'ru', years: [2024, 2025, 2026] });
    expect(msk.hasDataFor(2025)).toBe(true);
    expect(msk.hasDataFor(2023)).toBe(false);
    expect(msk.hasDataFor(2027)).toBe(false);
  });

  it('a year without data uses the weekly hours only (2027-01-01 is a Friday)', () => {
    expect(msk.isWorkingDay('2027-01-01')).toBe(true);
    expect(msk.isWorkingDay('2026-01-01')).toBe(false);
  });

  it('a calendar without a production calendar misses no data', () => {
    const always = getCalendar('24x7');
    expect(always.coverage).toEqual({ productionCalendar: null, years: [] });
    expect(always.hasDataFor(1990)).toBe(true);
    expect(always.coversSpan(Date.UTC(1990, 0, 1), Date.UTC(2090, 0, 1))).toBe(true);
  });

  it('a span is covered only when every local year it touches has data', () => {
    const almaty = getCalendar('almaty-0900-1800');
    expect(almaty.coverage).toEqual({ productionCalendar: 'kz', years: [2024, 2025, 2026] });
    expect(almaty.coversSpan(Date.parse('2024-01-01T00:00+05:00'), Date.parse('2026-12-31T23:59+05:00'))).toBe(true);
    // 2027-01-01 00:30 in Almaty is still 2026-12-31 in UTC: the local year counts.
    expect(almaty.coversSpan(Date.parse('2026-12-01T09:00+05:00'), Date.parse('2027-01-01T00:30+05:00'))).toBe(false);
    expect(almaty.coversSpan(Date.parse('2023-12-31T12:00+06:00'), Date.parse('2024-01-02T12:00+06:00'))).toBe(false);
  });
});

describe('R-SLA-2 the production-calendar loader', () => {
  it('loads the shipped data, one record per year', () => {
    expect(RU_PRODUCTION_CALENDAR.id).toBe('ru');
    expect(RU_PRODUCTION_CALENDAR.years).toEqual([2024, 2025, 2026]);
    expect(RU_PRODUCTION_CALENDAR.year(2025)?.sources.length).toBeGreaterThan(0);
  });

  it('a new year is one more data record', () => {
    const withNextYear = loadProductionCalendar(meta, [
      ru2025,
      { year: 2027, holidays: ['2027-01-01', '2027-01-04'], workingWeekends: [], shortDays: ['2027-12-31'] },
    ]);
    expect(withNextYear.years).toEqual([2025, 2027]);
    const calendar = new BusinessCalendar(
      definition('Europe/Moscow', weekdays('09:00-18:00'), { productionCalendar: { id: 'ru' } }),
      {
        productionCalendars: new Map([['ru', withNextYear]]),
      },
    );
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.hasDataFor(2027)).toBe(true);
    expect(calendar.workingIntervalsOn('2027-12-31')).toEqual([
      { start: at('2027-12-31T09:00+03:00'), end: at('2027-12-31T17:00+03:00') },
    ]);
  });

  it.each([
    [
      'a date both off and a working weekend',
      { year: 2025, holidays: ['2025-11-01'], workingWeekends: ['2025-11-01'], shortDays: [] },
    ],
    [
      'a working weekend day that is a weekday',
      { year: 2025, holidays: [], workingWeekends: ['2025-11-03'], shortDays: [] },
    ],
    ['a date outside its year', { year: 2025, holidays: ['2024-12-31'], workingWeekends: [], shortDays: [] }],
    ['a malformed date', { year: 2025, holidays: ['2025-1-1'], workingWeekends: [], shortDays: [] }],
    ['no year', { holidays: [], workingWeekends: [], shortDays: [] }],
  ])('refuses %s', (_, record) => {
    expect(() => loadProductionCalendar(meta, [record])).toThrow(CalendarError);
    try {
      loadProductionCalendar(meta, [record]);
    } catch (error) {
      expect((error as CalendarError).code).toBe(CalendarErrorCode.INVALID_PRODUCTION_CALENDAR);
    }
  });

  it('refuses the same year twice', () => {
    expect(() => loadProductionCalendar(meta, [ru2025, ru2025])).toThrow(/given twice/);
  });
});
