import { BusinessCalendar, getCalendar } from '../../src/calendar';
import { at, definition, everyDay, weekdays } from './support';

// R-SLA-1: business time is wall-clock hours in the calendar's zone, summed as real elapsed
// time. A wall time that does not exist moves forward by the gap; an ambiguous one takes its
// first occurrence.

describe('R-SLA-1 DST in Europe/Berlin (2024-03-31 02:00 CET -> 03:00 CEST; 2024-10-27 03:00 CEST -> 02:00 CET)', () => {
  const allDay = new BusinessCalendar(definition('Europe/Berlin', everyDay('00:00-24:00')));

  it('a fully worked spring-forward day counts 23 h, a fall-back day 25 h', () => {
    expect(allDay.workingMinutesBetween(at('2024-03-31T00:00+01:00'), at('2024-04-01T00:00+02:00'))).toBe(23 * 60);
    expect(allDay.workingMinutesBetween(at('2024-10-27T00:00+02:00'), at('2024-10-28T00:00+01:00'))).toBe(25 * 60);
  });

  it('a night shift 01:00-04:00 is 2 h on the spring day and 4 h on the fall day', () => {
    const night = new BusinessCalendar(definition('Europe/Berlin', everyDay('01:00-04:00')));
    expect(night.workingMinutesBetween(at('2024-03-31T00:00+01:00'), at('2024-04-01T00:00+02:00'))).toBe(120);
    expect(night.workingMinutesBetween(at('2024-10-27T00:00+02:00'), at('2024-10-28T00:00+01:00'))).toBe(240);
    // 120 minutes from 01:00 CET end exactly at the 04:00 CEST close.
    expect(night.addWorkingMinutes(at('2024-03-31T01:00+01:00'), 120)).toBe(at('2024-03-31T04:00+02:00'));
    // 180 minutes from 01:00 CEST: the clock shows 02:00-03:00 twice; 3 real hours later it is 03:00 CET.
    expect(night.addWorkingMinutes(at('2024-10-27T01:00+02:00'), 180)).toBe(at('2024-10-27T03:00+01:00'));
    expect(night.subtractWorkingMinutes(at('2024-10-27T04:00+01:00'), 240)).toBe(at('2024-10-27T01:00+02:00'));
  });

  it('an opening inside the spring gap (02:30) opens at 03:30 CEST', () => {
    const shift = new BusinessCalendar(definition('Europe/Berlin', everyDay('02:30-05:00')));
    expect(shift.workingMinutesBetween(at('2024-03-31T00:00+01:00'), at('2024-04-01T00:00+02:00'))).toBe(90);
    expect(shift.isWorkingTime(at('2024-03-31T03:29+02:00'))).toBe(false);
    expect(shift.isWorkingTime(at('2024-03-31T03:30+02:00'))).toBe(true);
    expect(shift.nextWorkingInstant(at('2024-03-31T03:00+02:00'))).toBe(at('2024-03-31T03:30+02:00'));
  });

  it('an ambiguous opening (02:30 on 2024-10-27) opens at its first occurrence, CEST', () => {
    const shift = new BusinessCalendar(definition('Europe/Berlin', everyDay('02:30-05:00')));
    // 02:30 CEST -> 05:00 CET is 3.5 real hours.
    expect(shift.workingMinutesBetween(at('2024-10-27T00:00+02:00'), at('2024-10-28T00:00+01:00'))).toBe(210);
    expect(shift.nextWorkingInstant(at('2024-10-27T01:00+02:00'))).toBe(at('2024-10-27T02:30+02:00'));
  });

  it('an ambiguous closing (02:30) closes at its first occurrence', () => {
    const early = new BusinessCalendar(definition('Europe/Berlin', everyDay('00:00-02:30')));
    expect(early.workingMinutesBetween(at('2024-10-27T00:00+02:00'), at('2024-10-28T00:00+01:00'))).toBe(150);
    expect(early.isWorkingTime(at('2024-10-27T02:15+01:00'))).toBe(false); // second 02:15
    expect(early.previousClosingInstant(at('2024-10-27T02:15+01:00'))).toBe(at('2024-10-27T02:30+02:00'));
  });
});

describe('R-SLA-1 DST in America/New_York (2024-03-10 02:00 EST -> 03:00 EDT; 2024-11-03 02:00 EDT -> 01:00 EST)', () => {
  it('a fully worked day counts 23 h in spring and 25 h in autumn', () => {
    const allDay = new BusinessCalendar(definition('America/New_York', everyDay('00:00-24:00')));
    expect(allDay.workingMinutesBetween(at('2024-03-10T00:00-05:00'), at('2024-03-11T00:00-04:00'))).toBe(23 * 60);
    expect(allDay.workingMinutesBetween(at('2024-11-03T00:00-04:00'), at('2024-11-04T00:00-05:00'))).toBe(25 * 60);
  });

  it('01:00-03:00 lasts 1 h in spring and 3 h in autumn; adding runs in real time', () => {
    const night = new BusinessCalendar(definition('America/New_York', everyDay('01:00-03:00')));
    expect(night.workingMinutesBetween(at('2024-03-10T00:00-05:00'), at('2024-03-11T00:00-04:00'))).toBe(60);
    expect(night.workingMinutesBetween(at('2024-11-03T00:00-04:00'), at('2024-11-04T00:00-05:00'))).toBe(180);
    // 01:30 EDT + 60 minutes = 01:30 EST (the second 01:30).
    expect(night.addWorkingMinutes(at('2024-11-03T01:30-04:00'), 60)).toBe(at('2024-11-03T01:30-05:00'));
    expect(night.subtractWorkingMinutes(at('2024-11-03T03:00-05:00'), 150)).toBe(at('2024-11-03T01:30-04:00'));
  });

  it('office hours keep their wall-clock times across the change', () => {
    const office = new BusinessCalendar(definition('America/New_York', weekdays('09:00-17:00')));
    // Fri 16:00 EST .. Mon 10:00 EDT: 1 h on Friday, 1 h on Monday.
    expect(office.workingMinutesBetween(at('2024-03-08T16:00-05:00'), at('2024-03-11T10:00-04:00'))).toBe(120);
    expect(office.addWorkingMinutes(at('2024-11-01T16:00-04:00'), 120)).toBe(at('2024-11-04T10:00-05:00'));
  });
});

describe('R-SLA-1 DST in Australia/Lord_Howe (30-minute shift: 2024-04-07 02:00 -> 01:30; 2024-10-06 02:00 -> 02:30)', () => {
  it('a fully worked day counts 24.5 h in April and 23.5 h in October', () => {
    const allDay = new BusinessCalendar(definition('Australia/Lord_Howe', everyDay('00:00-24:00')));
    expect(allDay.workingMinutesBetween(at('2024-04-07T00:00+11:00'), at('2024-04-08T00:00+10:30'))).toBe(24.5 * 60);
    expect(allDay.workingMinutesBetween(at('2024-10-06T00:00+10:30'), at('2024-10-07T00:00+11:00'))).toBe(23.5 * 60);
  });

  it('01:45-02:45 lasts 90 min in April (01:45 is ambiguous: first occurrence) and 30 min in October', () => {
    const shift = new BusinessCalendar(definition('Australia/Lord_Howe', everyDay('01:45-02:45')));
    expect(shift.workingMinutesBetween(at('2024-04-07T00:00+11:00'), at('2024-04-08T00:00+10:30'))).toBe(90);
    expect(shift.nextWorkingInstant(at('2024-04-07T00:00+11:00'))).toBe(at('2024-04-07T01:45+11:00'));
    // October: 01:45 +10:30 until 02:00, then 02:30 +11:00 until 02:45.
    expect(shift.workingMinutesBetween(at('2024-10-06T00:00+10:30'), at('2024-10-07T00:00+11:00'))).toBe(30);
  });

  it('an opening inside the 30-minute gap (02:15) moves forward by the gap to 02:45', () => {
    const shift = new BusinessCalendar(definition('Australia/Lord_Howe', everyDay('02:15-03:00')));
    expect(shift.nextWorkingInstant(at('2024-10-06T00:00+10:30'))).toBe(at('2024-10-06T02:45+11:00'));
    expect(shift.workingMinutesBetween(at('2024-10-06T00:00+10:30'), at('2024-10-07T00:00+11:00'))).toBe(15);
  });

  it('addWorkingDays onto the gap moves forward by the gap', () => {
    const allDay = new BusinessCalendar(definition('Australia/Lord_Howe', everyDay('00:00-24:00')));
    expect(allDay.addWorkingDays(at('2024-10-05T02:15+10:30'), 1)).toBe(at('2024-10-06T02:45+11:00'));
  });
});

describe('R-SLA-1 Europe/Moscow: last DST 2011-03-27 (+03 -> +04), back to +03 on 2014-10-26, none since', () => {
  it('the switch days count 23 h and 25 h', () => {
    const allDay = new BusinessCalendar(definition('Europe/Moscow', everyDay('00:00-24:00')));
    expect(allDay.workingMinutesBetween(at('2011-03-27T00:00+03:00'), at('2011-03-28T00:00+04:00'))).toBe(23 * 60);
    expect(allDay.workingMinutesBetween(at('2014-10-26T00:00+04:00'), at('2014-10-27T00:00+03:00'))).toBe(25 * 60);
  });

  it('the Moscow preset keeps 09:00-18:00 wall time through the offset changes', () => {
    const msk = getCalendar('msk-0900-1800'); // no production-calendar data for 2011-2014: weekly hours
    expect(msk.addWorkingMinutes(at('2014-10-24T17:00+04:00'), 120)).toBe(at('2014-10-27T10:00+03:00'));
    expect(msk.workingMinutesBetween(at('2011-03-25T17:00+03:00'), at('2011-03-28T10:00+04:00'))).toBe(120);
    // 2011-2014: UTC+4 all year, winter too.
    expect(msk.isWorkingTime(at('2013-01-15T05:00Z'))).toBe(true);
    expect(msk.isWorkingTime(at('2013-01-15T04:59Z'))).toBe(false);
    // Since 2014-10-26: UTC+3 all year, summer too.
    expect(msk.isWorkingTime(at('2025-07-15T06:00Z'))).toBe(true);
    expect(msk.isWorkingTime(at('2025-07-15T05:59Z'))).toBe(false);
  });
});

describe('R-SLA-1 Asia/Almaty moved from UTC+6 to UTC+5 on 2024-03-01 (kz-supplier)', () => {
  const almaty = getCalendar('almaty-0900-1800');

  it('opens at 09:00 local on both sides of the change', () => {
    expect(almaty.addWorkingMinutes(at('2024-02-29T17:00+06:00'), 120)).toBe(at('2024-03-01T10:00+05:00'));
    expect(almaty.workingMinutesBetween(at('2024-02-29T09:00+06:00'), at('2024-03-01T18:00+05:00'))).toBe(18 * 60);
    expect(almaty.isWorkingTime(at('2024-03-01T04:00Z'))).toBe(true);
    expect(almaty.isWorkingTime(at('2024-03-01T03:59Z'))).toBe(false);
  });

  it('the last day at UTC+6 is 25 hours long', () => {
    const allDay = new BusinessCalendar(definition('Asia/Almaty', everyDay('00:00-24:00')));
    expect(allDay.workingMinutesBetween(at('2024-02-29T00:00+06:00'), at('2024-03-01T00:00+05:00'))).toBe(25 * 60);
  });
});
