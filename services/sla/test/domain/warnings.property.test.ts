import fc from 'fast-check';
import type { Category, Priority } from '@reglament/shared/domain';
import { getCalendar } from '../../src/calendar';
import { PRESET_POLICIES } from '../../src/domain/presets';
import { computeTimers } from '../../src/domain/ticket-sla';
import { context, HistoryBuilder } from './history-builder';

const CATEGORIES: Category[] = ['ERROR', 'SUPPORT', 'IMPROVEMENT'];
const PRIORITIES: Priority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2026, 11, 1);

/**
 * R-SLA-9: warnings are never raised outside the calendar's working time (zammad #4432 and
 * GLPI PR #22678 are this bug), come no later than the deadline and not before the clock's
 * first working instant, whatever the preset, ticket and instants.
 */
describe('warning instants (property)', () => {
  it('fall in working time, between the start and the deadline', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_POLICIES.keys()),
        fc.integer({ min: FROM, max: TO }),
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.constantFrom(...CATEGORIES),
        fc.constantFrom(...PRIORITIES),
        fc.boolean(),
        (presetId, registeredMs, triageAfterMinutes, category, priority, clarification) => {
          const policy = PRESET_POLICIES.get(presetId)!;
          const calendar = getCalendar(policy.calendarId);
          const registered = new Date(registeredMs).toISOString();
          const triaged = new Date(registeredMs + triageAfterMinutes * 60_000).toISOString();
          const planned = new Date(registeredMs + 10 * 24 * 3600_000).toISOString();
          const h = new HistoryBuilder({ category, priority, channel: 'PHONE' }).registered(registered, false);
          if (clarification) h.move('REQUEST_CLARIFICATION', triaged);
          else h.move('TRIAGE', triaged, { category, priority, plannedResolutionAt: planned });
          const ctx = context(policy.calendarId);
          for (const timer of computeTimers('t', policy, h.entries, ctx, registeredMs + triageAfterMinutes * 60_000)) {
            if (timer.warnAt === null) continue;
            expect(calendar.isWorkingTime(timer.warnAt)).toBe(true);
            expect(timer.warnAt).toBeLessThanOrEqual(timer.deadline!);
            expect(timer.warnAt).toBeGreaterThanOrEqual(calendar.nextWorkingInstant(timer.startedAt));
          }
        },
      ),
      {
        // PROPERTY_RUNS=100000 to search harder; a counterexample found once stays as an example.
        numRuns: Number(process.env.PROPERTY_RUNS ?? 1500),
        examples: [['asmo', Date.parse('2025-12-30T17:00:00+03:00'), 0, 'ERROR', 'LOW', false]],
      },
    );
  });
});
