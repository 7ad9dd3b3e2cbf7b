import { BUILT_IN_PRODUCTION_CALENDARS, presetCalendarDefinition } from '../../src/calendar';
import { shippedYear } from '../../src/application/shipped-calendars';
import { contractCalendarDefinition, coverageAnswerMinutes, parseCoverage } from '../../src/domain/contract-coverage';
import { parseCalendarFile } from '../../src/domain/production-calendars/formats';
import { dayChanges, validateYear } from '../../src/domain/production-calendars/year-data';
import { RU_2027_SAMPLE_XML } from '../integration/calendar-samples';

describe('R-SLA-2 production calendar files', () => {
  it('reads the xmlcalendar XML and its JSON form into the same year', () => {
    const xml = parseCalendarFile('XMLCALENDAR_XML', RU_2027_SAMPLE_XML);
    const json = parseCalendarFile(
      'XMLCALENDAR_JSON',
      JSON.stringify({
        year: 2027,
        country: 'ru',
        days: [...RU_2027_SAMPLE_XML.matchAll(/d="(\d\d\.\d\d)" t="(\d)"/g)].map(([, d, t]) => ({ d, t: Number(t) })),
      }),
    );
    expect(xml.country).toBe('ru');
    expect(validateYear(xml.years[0]!).data).toEqual({
      ...validateYear(json.years[0]!).data,
      source: expect.any(String),
    });
    expect(xml.years[0]!.shortDays).toEqual(['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03']);
  });

  it('a shortened Saturday is a worked one (RU 2024-11-02), and t=3 marks a working weekend day', () => {
    const file = `<calendar year="2024"><days><day d="11.02" t="2"/><day d="04.27" t="3"/></days></calendar>`;
    const [year] = parseCalendarFile('XMLCALENDAR_XML', file).years;
    expect(year).toMatchObject({ workingWeekends: ['2024-11-02', '2024-04-27'], shortDays: ['2024-11-02'] });
  });

  it('the shipped years pass the checks, and their figures are the ones their sources give', () => {
    for (const calendar of BUILT_IN_PRODUCTION_CALENDARS.values()) {
      for (const year of calendar.years) {
        const { figures } = validateYear(shippedYear(calendar, year));
        const totals = calendar.year(year)!.totals;
        expect([calendar.id, year, figures.workingDays, figures.workingHours]).toEqual([
          calendar.id,
          year,
          totals['workingDays'],
          totals['hours40'],
        ]);
      }
    }
  });

  it('says which dates changed between two versions of a year', () => {
    const before = {
      year: 2027,
      holidays: ['2027-01-01'],
      workingWeekends: ['2027-01-09'],
      shortDays: [],
      source: 'a',
    };
    const after = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-11'],
      workingWeekends: [],
      shortDays: [],
      source: 'b',
    };
    expect(dayChanges(before, after)).toEqual([
      { date: '2027-01-09', before: 'WORKING_WEEKEND', after: 'REGULAR' },
      { date: '2027-01-11', before: 'REGULAR', after: 'DAY_OFF' },
    ]);
    expect(dayChanges(before, { ...before, source: 'another file' })).toEqual([]);
  });
});

describe('R-CON-8 a contract coverage shapes its calendar', () => {
  const base = presetCalendarDefinition('msk-0900-1800');
  const preset = parseCoverage('9x5');

  it('the preset own option keeps the preset hours; another sets hours from its opening and days from Monday', () => {
    const same = contractCalendarDefinition(base, preset, {
      coverage: parseCoverage('9x5x4'),
      timeZone: null,
      holidays: [],
    });
    expect(same.weeklyHours).toEqual(base.weeklyHours);
    const long = contractCalendarDefinition(base, preset, {
      coverage: parseCoverage('16x6'),
      timeZone: null,
      holidays: [],
    });
    // 16 h from 09:00 would pass midnight: 08:00-24:00, Monday to Saturday, production calendar kept.
    expect(long.weeklyHours).toEqual(
      Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ from: '08:00', to: '24:00' }]])),
    );
    expect(long.productionCalendar).toEqual(base.productionCalendar);
    const everyDay = contractCalendarDefinition(base, preset, {
      coverage: parseCoverage('12x7'),
      timeZone: 'Asia/Yekaterinburg',
      holidays: ['2025-05-05'],
    });
    expect(everyDay).toMatchObject({ timeZone: 'Asia/Yekaterinburg', holidays: ['2025-05-05'] });
    expect(everyDay.productionCalendar).toBeUndefined();
    expect(Object.keys(everyDay.weeklyHours)).toHaveLength(7);
  });

  it('the third figure counts only when it differs from the preset own', () => {
    expect(coverageAnswerMinutes(parseCoverage('9x5x4'), parseCoverage('9x5'))).toBe(240);
    expect(coverageAnswerMinutes(parseCoverage('8x5x4'), parseCoverage('8x5x4'))).toBeNull();
    expect(coverageAnswerMinutes(parseCoverage('8.25x5x1.5'), parseCoverage('8.25x5x2'))).toBe(90);
    expect(parseCoverage('25x7')).toBeNull();
    expect(parseCoverage('8х5х4')).toEqual({ hoursPerDay: 8, daysPerWeek: 5, answerHours: 4 });
  });
});
