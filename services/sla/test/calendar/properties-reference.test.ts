import fc from 'fast-check';
import { BusinessCalendar, PRESET_CALENDAR_DEFINITIONS, type CalendarDefinition } from '../../src/calendar';
import { calendarAndInstant, minutes, nearInstant } from './arbitraries';
import { ReferenceCalendar } from './reference-calendar';

// R-SLA-1 / R-SLA-2 over random calendars (zones with DST, lunch breaks, holidays, per-date
// hours, sometimes the RU production calendar): the fast engine agrees with a slow reference
// that walks local days with luxon (reference-calendar.ts) and shares no code with it.

// 2,000 runs per property keeps the calendar suite near 15 s on 2 cores; raise it for a deep run:
// CALENDAR_PROPERTY_RUNS=20000 npx jest services/sla/test/calendar/properties
const RUNS = Number(process.env['CALENDAR_PROPERTY_RUNS'] ?? 2000);
const MINUTE = 60_000;

function pair(definition: CalendarDefinition) {
  return { fast: new BusinessCalendar(definition), slow: new ReferenceCalendar(definition) };
}

describe('R-SLA-1 the engine agrees with the slow reference', () => {
  it('addWorkingMinutes, subtractWorkingMinutes, isWorkingTime, next/previous instants', () => {
    fc.assert(
      fc.property(calendarAndInstant, minutes, ([definition, t], m) => {
        const { fast, slow } = pair(definition);
        const ms = Math.round(m * 60) * 1000;
        expect(fast.isWorkingTime(t)).toBe(slow.isWorkingTime(t));
        expect(fast.addWorkingMinutes(t, m)).toBe(slow.addWorkingMs(t, ms));
        expect(fast.subtractWorkingMinutes(t, m)).toBe(slow.subtractWorkingMs(t, ms));
        expect(fast.nextWorkingInstant(t)).toBe(slow.addWorkingMs(t, 0));
        expect(fast.previousClosingInstant(t)).toBe(slow.subtractWorkingMs(t, 0));
      }),
      { numRuns: RUNS },
    );
  });

  it('workingMinutesBetween', () => {
    fc.assert(
      fc.property(
        calendarAndInstant,
        fc.integer({ min: -10 * 24 * 60, max: 10 * 24 * 60 }),
        ([definition, a], span) => {
          const { fast, slow } = pair(definition);
          const b = a + span * MINUTE;
          expect(fast.workingMillisBetween(a, b)).toBe(slow.workingMsBetween(a, b));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('addWorkingDays, both directions', () => {
    fc.assert(
      fc.property(calendarAndInstant, fc.integer({ min: -6, max: 6 }), ([definition, t], n) => {
        const { fast, slow } = pair(definition);
        expect(fast.addWorkingDays(t, n)).toBe(slow.addWorkingDays(t, n));
      }),
      { numRuns: RUNS },
    );
  });

  it('R-SLA-2 the shipped presets, production calendar included', () => {
    const presets = new Map(
      Object.values(PRESET_CALENDAR_DEFINITIONS).map((definition) => [definition.id, pair(definition)]),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...presets.keys()),
        nearInstant,
        minutes,
        fc.integer({ min: -6, max: 6 }),
        (id, t, m, n) => {
          const { fast, slow } = presets.get(id)!;
          const ms = Math.round(m * 60) * 1000;
          expect(fast.addWorkingMinutes(t, m)).toBe(slow.addWorkingMs(t, ms));
          expect(fast.subtractWorkingMinutes(t, m)).toBe(slow.subtractWorkingMs(t, ms));
          expect(fast.workingMillisBetween(t, t + ms * 3)).toBe(slow.workingMsBetween(t, t + ms * 3));
          expect(fast.addWorkingDays(t, n)).toBe(slow.addWorkingDays(t, n));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
