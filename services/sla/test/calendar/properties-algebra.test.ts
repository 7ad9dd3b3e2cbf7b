import fc from 'fast-check';
import { BusinessCalendar } from '../../src/calendar';
import { calendarAndInstant, minutes, nearInstant } from './arbitraries';

// R-SLA-1 / R-SLA-2 over random calendars (zones with DST, lunch breaks, holidays, per-date
// hours, sometimes the RU production calendar): the algebra of business time holds.

// 2,000 runs per property keeps the calendar suite near 15 s on 2 cores; raise it for a deep run:
// CALENDAR_PROPERTY_RUNS=20000 npx jest services/sla/test/calendar/properties
const RUNS = Number(process.env['CALENDAR_PROPERTY_RUNS'] ?? 2000);
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('R-SLA-1 the algebra of business time', () => {
  it('workingMinutesBetween(s, addWorkingMinutes(s, m)) == m, and the add/subtract round trips', () => {
    fc.assert(
      fc.property(calendarAndInstant, minutes, ([definition, t], m) => {
        const calendar = new BusinessCalendar(definition);
        const s = calendar.nextWorkingInstant(t); // s is working time
        const end = calendar.addWorkingMinutes(s, m);
        expect(calendar.workingMinutesBetween(s, end) * 60).toBeCloseTo(m * 60, 6);
        if (m > 0) expect(calendar.subtractWorkingMinutes(end, m)).toBe(s);
        // From a non-working start the round trip lands on the next opening.
        if (m > 0) expect(calendar.subtractWorkingMinutes(calendar.addWorkingMinutes(t, m), m)).toBe(s);
        // Backwards: subtract then add comes back to the same working position as t (exactly
        // t, or the closing just before t when t is an opening instant).
        const begin = calendar.subtractWorkingMinutes(t, m);
        const back = calendar.addWorkingMinutes(begin, m);
        expect(back).toBeLessThanOrEqual(calendar.nextWorkingInstant(t));
        expect(calendar.workingMinutesBetween(back, t)).toBe(0);
        expect(calendar.workingMinutesBetween(begin, t) * 60).toBeCloseTo(m * 60, 6);
      }),
      { numRuns: RUNS },
    );
  });

  it('is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(
        calendarAndInstant,
        fc.integer({ min: 0, max: 5 * DAY }),
        minutes,
        minutes,
        ([definition, t], later, m1, m2) => {
          const calendar = new BusinessCalendar(definition);
          const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(calendar.addWorkingMinutes(t, small)).toBeLessThanOrEqual(calendar.addWorkingMinutes(t, large));
          expect(calendar.addWorkingMinutes(t, m1)).toBeLessThanOrEqual(calendar.addWorkingMinutes(t + later, m1));
          expect(calendar.subtractWorkingMinutes(t, large)).toBeLessThanOrEqual(
            calendar.subtractWorkingMinutes(t, small),
          );
          expect(calendar.workingMinutesBetween(t, t + later)).toBeGreaterThanOrEqual(0);
          expect(calendar.workingMinutesBetween(t, t + later)).toBeLessThanOrEqual(later / MINUTE);
          expect(calendar.addWorkingDays(t, 1)).toBeLessThanOrEqual(calendar.addWorkingDays(t, 2));
          expect(calendar.addWorkingDays(t, -2)).toBeLessThanOrEqual(calendar.addWorkingDays(t, -1));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('workingMinutesBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(
        calendarAndInstant,
        fc.integer({ min: 0, max: 20 * DAY }),
        fc.integer({ min: 0, max: 400 * DAY }),
        ([definition, a], ab, bc) => {
          const calendar = new BusinessCalendar(definition);
          const b = a + ab;
          const c = b + bc; // may cross several year blocks
          const whole = calendar.workingMinutesBetween(a, c);
          expect(calendar.workingMinutesBetween(a, b) + calendar.workingMinutesBetween(b, c)).toBeCloseTo(whole, 6);
          expect(calendar.workingMinutesBetween(c, a)).toBe(0 - whole);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a calendar keeping only 2 year blocks answers as one keeping all', () => {
    fc.assert(
      fc.property(
        calendarAndInstant,
        fc.array(fc.tuple(nearInstant, minutes), { minLength: 3, maxLength: 8 }),
        ([definition], queries) => {
          const roomy = new BusinessCalendar(definition);
          const tight = new BusinessCalendar(definition, { maxCachedYears: 2 });
          for (const [t, m] of queries) {
            expect(tight.addWorkingMinutes(t, m)).toBe(roomy.addWorkingMinutes(t, m));
            expect(tight.workingMinutesBetween(t, queries[0]![0])).toBe(roomy.workingMinutesBetween(t, queries[0]![0]));
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
