import { securityFixDueAt, securityFixWarnAt } from '@reglament/shared/domain';
import {
  type AdvisoryClockState,
  advanceAdvisoryClock,
  nextDueOf,
  stopAdvisoryClock,
} from '../../src/domain/advisory-clock';

/**
 * R-SLA-6 (seed 001 §8-9): the fix of a security advisory is due 3 calendar days after its
 * discovery; R-SLA-9: both parties are warned a day before. Instants worked out by hand.
 */
describe('advisory fix clock (R-SLA-6, R-SLA-9)', () => {
  // Discovered Monday 3 March 2025, 09:00 Moscow = 06:00 UTC.
  const discovered = new Date('2025-03-03T06:00:00Z');
  const due = new Date('2025-03-06T06:00:00Z'); // + 3 x 24 h
  const warn = new Date('2025-03-05T06:00:00Z'); // 24 h before
  const fresh = (): AdvisoryClockState => ({
    status: 'RUNNING',
    deadline: due,
    warnAt: warn,
    warnedAt: null,
    breachedAt: null,
    stoppedAt: null,
  });

  it('is due 3 calendar days after discovery, whichever presets the advisory reaches (asmo says 3, the rest default to 3)', () => {
    expect(securityFixDueAt(discovered, ['asmo'])).toEqual(due);
    expect(securityFixDueAt(discovered, ['imc-typical', 'asmo'])).toEqual(due);
    expect(securityFixDueAt(discovered, [])).toEqual(due);
    // Over a weekend too: calendar days, not working days (Friday 09:00 -> Monday 09:00 Moscow).
    expect(securityFixDueAt(new Date('2025-03-07T06:00:00Z'), ['asmo'])).toEqual(new Date('2025-03-10T06:00:00Z'));
  });

  it('warns 1 day before the deadline, halfway through a clock shorter than two days', () => {
    expect(securityFixWarnAt(discovered, due)).toEqual(warn);
    // A clock of 36 h (never the case with a 3-day term, but the rule holds): 18 h in.
    expect(securityFixWarnAt(discovered, new Date('2025-03-04T18:00:00Z'))).toEqual(new Date('2025-03-04T00:00:00Z'));
  });

  it('fires nothing before the warning; then the warning at its instant; then the breach at the deadline', () => {
    expect(advanceAdvisoryClock(fresh(), new Date('2025-03-05T05:59:59.999Z')).changes).toEqual([]);
    const warned = advanceAdvisoryClock(fresh(), warn);
    expect(warned.changes).toEqual([{ kind: 'WARNING', at: warn }]);
    expect(nextDueOf(warned.state)).toEqual(due);
    const breached = advanceAdvisoryClock(warned.state, due);
    expect(breached.changes).toEqual([{ kind: 'BREACHED', at: due }]);
    expect(breached.state.status).toBe('BREACHED');
    expect(nextDueOf(breached.state)).toBeNull();
  });

  it('a jump of the clock past both fires the warning before the breach, each at its own instant, once', () => {
    const jumped = advanceAdvisoryClock(fresh(), new Date('2025-03-09T00:00:00Z'));
    expect(jumped.changes).toEqual([
      { kind: 'WARNING', at: warn },
      { kind: 'BREACHED', at: due },
    ]);
    expect(advanceAdvisoryClock(jumped.state, new Date('2025-03-10T00:00:00Z')).changes).toEqual([]);
  });

  it('stops MET when the fix comes before the deadline (a deadline instant itself counts as in time), BREACHED after', () => {
    const early = stopAdvisoryClock(fresh(), new Date('2025-03-04T12:00:00Z'));
    expect(early.changes).toEqual([{ kind: 'STOPPED', at: new Date('2025-03-04T12:00:00Z'), status: 'MET' }]);
    expect(nextDueOf(early.state)).toBeNull();
    expect(advanceAdvisoryClock(early.state, new Date('2025-03-10T00:00:00Z')).changes).toEqual([]);
    expect(stopAdvisoryClock(fresh(), due).state.status).toBe('MET');
    const late = stopAdvisoryClock(fresh(), new Date('2025-03-06T09:00:00Z'));
    // Unfired instants before the fix fire first (e.g. after a downtime), then the stop.
    expect(late.changes.map((c) => c.kind)).toEqual(['WARNING', 'BREACHED', 'STOPPED']);
    expect(late.state.status).toBe('BREACHED');
    expect(stopAdvisoryClock(late.state, new Date('2025-03-07T00:00:00Z')).changes).toEqual([]);
  });
});
