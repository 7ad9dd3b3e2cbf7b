import { computeTimers } from '../../src/domain/ticket-sla';
import { IMC_TYPICAL } from '../../src/domain/presets';
import { context, HistoryBuilder, iso, ms } from './history-builder';

const TICKET = '00000000-0000-7000-8000-00000000cb01';
const ctx = context('msk-0900-1800');

/** The CALLBACK timer at `now`, instants in UTC ISO. */
function callback(history: HistoryBuilder, now: string) {
  const timer = computeTimers(TICKET, IMC_TYPICAL, history.entries, ctx, ms(now)).find((t) => t.metric === 'CALLBACK');
  return timer
    ? {
        status: timer.status,
        deadline: iso(timer.deadline),
        warnAt: iso(timer.warnAt),
        breachedAt: iso(timer.breachedAt),
      }
    : null;
}

/**
 * R-TKT-3: the hotline records an unanswered call with a call-back of at most 3 working days.
 * The call: Wednesday 11 June 2025, 15:00 Moscow, a pre-holiday day (09:00-17:00). Thursday
 * 12 June (Russia Day) and Friday 13 June (moved day off) are holidays, 14-15 June the weekend,
 * so the working days after the call are Mon 16, Tue 17, Wed 18 June: 3 working days end on
 * Wednesday 18 June at 15:00 Moscow (12:00Z), a week of calendar time later.
 */
describe('R-TKT-3: the promised call-back and its 3-working-day limit on the contract calendar', () => {
  const CALL = '2025-06-11T15:00:00+03:00';

  it('no promise: the clock runs the 3 working days, warned 1 working day before (Tue 17 June 15:00)', () => {
    const h = new HistoryBuilder({ channel: 'PHONE' }).registered(CALL, false);
    expect(callback(h, CALL)).toEqual({
      status: 'RUNNING',
      deadline: '2025-06-18T12:00:00.000Z',
      warnAt: '2025-06-17T12:00:00.000Z',
      breachedAt: null,
    });
  });

  it('a promise within the limit binds, though 5 calendar days away (Mon 16 June 16:00)', () => {
    // 1 working day before Mon 16:00 is the last working day before it, Wed 11 June, at 16:00
    // (the short day closes at 17:00): 13:00Z, an hour after the call.
    const h = new HistoryBuilder({ channel: 'PHONE' }).registered(CALL, false, '2025-06-16T16:00:00+03:00');
    expect(callback(h, CALL)).toEqual({
      status: 'RUNNING',
      deadline: '2025-06-16T13:00:00.000Z',
      warnAt: '2025-06-11T13:00:00.000Z',
      breachedAt: null,
    });
    // Nobody called back by Monday 16:00: the provider's clock is breached then.
    expect(callback(h, '2025-06-16T16:00:00+03:00')).toMatchObject({
      status: 'BREACHED',
      breachedAt: '2025-06-16T13:00:00.000Z',
    });
    // Called back (a public message of the staff) on Monday 15:00: met.
    h.providerMessage('2025-06-16T15:00:00+03:00');
    expect(callback(h, '2025-06-16T15:00:00+03:00')).toMatchObject({ status: 'MET', breachedAt: null });
  });

  it('a promise at the limit itself binds; one a minute past it does not: the limit does', () => {
    const atLimit = new HistoryBuilder({ channel: 'PHONE' }).registered(CALL, false, '2025-06-18T15:00:00+03:00');
    expect(callback(atLimit, CALL)?.deadline).toBe('2025-06-18T12:00:00.000Z');
    const past = new HistoryBuilder({ channel: 'PHONE' }).registered(CALL, false, '2025-06-18T15:01:00+03:00');
    expect(callback(past, CALL)).toEqual({
      status: 'RUNNING',
      deadline: '2025-06-18T12:00:00.000Z',
      warnAt: '2025-06-17T12:00:00.000Z',
      breachedAt: null,
    });
    // Friday 20 June 10:00: past the limit too (though within 9 calendar days).
    const later = new HistoryBuilder({ channel: 'PHONE' }).registered(CALL, false, '2025-06-20T10:00:00+03:00');
    expect(callback(later, CALL)?.deadline).toBe('2025-06-18T12:00:00.000Z');
  });
});
