import { computeTimers } from '../../src/domain/ticket-sla';
import { ALTEC_8X5X4, ASMO, IMC_TYPICAL, KZ_SUPPLIER } from '../../src/domain/presets';
import type { SlaPolicy } from '../../src/domain/policy';
import type { EvaluationContext } from '../../src/domain/evaluation';
import type { HistoryEntry } from '../../src/domain/ticket-history';
import { context, HistoryBuilder, iso, ms } from './history-builder';

function timers(policy: SlaPolicy, entries: HistoryEntry[], ctx: EvaluationContext, now: string) {
  return Object.fromEntries(
    computeTimers('t', policy, entries, ctx, ms(now)).map((t) => [
      `${t.metric}#${t.cycle}`,
      {
        status: t.status,
        deadline: iso(t.deadline),
        breachedAt: iso(t.breachedAt),
        warned: t.warned,
        nextDueAt: iso(t.nextDueAt),
      },
    ]),
  );
}

/** Cases from a review of the engine; each names the rule it protects. */
describe('SLA engine edge cases', () => {
  const msk = context('msk-0900-1800');

  it('R-SLA-11/12: closing a ticket does not erase a breach already recorded', () => {
    const h = new HistoryBuilder({})
      .registered('2025-03-03T10:00:00+03:00')
      .close('DUPLICATE', '2025-03-04T12:00:00+03:00');
    // Analysis was due Tue 10:00 (07:00Z) and the ticket closed at 12:00 without a triage.
    expect(timers(IMC_TYPICAL, h.entries, msk, '2025-03-04T12:00:00+03:00')['ANALYSIS#1']).toMatchObject({
      status: 'BREACHED',
      breachedAt: '2025-03-04T07:00:00.000Z',
    });
    // Closed before its deadline: simply cancelled.
    const early = new HistoryBuilder({})
      .registered('2025-03-03T10:00:00+03:00')
      .close('WITHDRAWN', '2025-03-03T11:00:00+03:00', false);
    expect(timers(IMC_TYPICAL, early.entries, msk, '2025-03-03T11:00:00+03:00')['ANALYSIS#1']!.status).toBe(
      'CANCELLED',
    );
  });

  it('an agreed date moved after it passed does not undo the breach; the deadline shown is the new one', () => {
    const almaty = context('almaty-0900-1800');
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'HIGH' })
      .registered('2025-07-14T10:00:00+05:00')
      .move('TRIAGE', '2025-07-14T11:00:00+05:00', { plannedResolutionAt: '2025-07-18T12:00:00+05:00' });
    expect(timers(KZ_SUPPLIER, h.entries, almaty, '2025-07-18T13:00:00+05:00')['RESOLUTION#1']).toMatchObject({
      status: 'BREACHED',
      breachedAt: '2025-07-18T07:00:00.000Z',
    });
    h.planned('2025-07-18T14:00:00+05:00', '2025-07-25T12:00:00+05:00');
    expect(timers(KZ_SUPPLIER, h.entries, almaty, '2025-07-18T14:00:00+05:00')['RESOLUTION#1']).toMatchObject({
      status: 'BREACHED',
      breachedAt: '2025-07-18T07:00:00.000Z',
      deadline: '2025-07-25T07:00:00.000Z',
    });
    // Moved before it passed: the new date binds (an extension by agreement, R-SLA-5).
    const extended = new HistoryBuilder({ category: 'ERROR', priority: 'HIGH' })
      .registered('2025-07-14T10:00:00+05:00')
      .move('TRIAGE', '2025-07-14T11:00:00+05:00', { plannedResolutionAt: '2025-07-18T12:00:00+05:00' })
      .planned('2025-07-17T10:00:00+05:00', '2025-07-25T12:00:00+05:00');
    expect(timers(KZ_SUPPLIER, extended.entries, almaty, '2025-07-21T10:00:00+05:00')['RESOLUTION#1']).toMatchObject({
      status: 'RUNNING',
      deadline: '2025-07-25T07:00:00.000Z',
    });
  });

  it('R-SLA-10: the events of one command give the same clocks in whatever order they arrive', () => {
    // altec: processing Urgent 30 min vs Normal 60 min; triage (as Urgent) 45 min after registration.
    const h = new HistoryBuilder({})
      .registered('2025-10-27T10:00:00+03:00')
      .reclassify('2025-10-27T10:45:00+03:00', { category: 'ERROR', priority: 'URGENT' })
      .move('TRIAGE', '2025-10-27T10:45:00+03:00', { plannedResolutionAt: '2025-10-28T12:00:00+03:00' });
    const [registered, classified, triage] = h.entries as [HistoryEntry, HistoryEntry, HistoryEntry];
    const sameVersion = (e: HistoryEntry) => ({ ...e, version: 2 });
    const one = timers(
      ALTEC_8X5X4,
      [registered, sameVersion(classified), sameVersion(triage)],
      msk,
      '2025-10-27T11:00:00+03:00',
    );
    const other = timers(
      ALTEC_8X5X4,
      [registered, sameVersion(triage), sameVersion(classified)],
      msk,
      '2025-10-27T11:00:00+03:00',
    );
    expect(one).toEqual(other);
    // Urgent processing from the original start 10:00: 30 min -> 10:30, triage at 10:45 is late.
    expect(one['ANALYSIS#1']).toMatchObject({ status: 'BREACHED', breachedAt: '2025-10-27T07:30:00.000Z' });
  });

  it('R-SLA-10: a class without a target and back again keeps the clock from its original start', () => {
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'URGENT' })
      .registered('2025-03-03T10:00:00+03:00')
      .move('TRIAGE', '2025-03-03T11:00:00+03:00', { plannedResolutionAt: '2025-03-04T11:00:00+03:00' })
      .move('PROVIDE_SOLUTION', '2025-03-03T15:00:00+03:00')
      .customer('RETURN_SOLUTION', '2025-03-04T10:00:00+03:00')
      .reclassify('2025-03-04T10:05:00+03:00', { priority: 'HIGH' }) // Error/High: no rework target in 000
      .reclassify('2025-03-04T10:06:00+03:00', { priority: 'URGENT' });
    // REWORK 1 working day from Tue 10:00 -> Wed 10:00 (07:00Z).
    expect(timers(IMC_TYPICAL, h.entries, msk, '2025-03-04T10:06:00+03:00')['REWORK#1']).toMatchObject({
      status: 'RUNNING',
      deadline: '2025-03-05T07:00:00.000Z',
    });
  });

  it('R-SLA-9: a warning that came due while the office was closed waits for the next opening', () => {
    // Error/Urgent resolution 1 working day from Tue 11:00 -> Wed 11:00; warning 4 working hours before: Tue 16:00.
    // A clarification paused it Tue 15:30 and the answer came at 20:00.
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'URGENT' })
      .registered('2025-03-11T10:00:00+03:00')
      .move('TRIAGE', '2025-03-11T11:00:00+03:00', { plannedResolutionAt: '2025-03-12T12:00:00+03:00' })
      .move('REQUEST_CLARIFICATION', '2025-03-11T15:30:00+03:00')
      .customer('ANSWER_CLARIFICATION', '2025-03-11T20:00:00+03:00');
    // 4.5 h spent, 4.5 h left from the resume: Wed 09:00 + 4.5 h -> Wed 13:30 (10:30Z). Its warning instant
    // (Wed 09:30) is the earliest possible, after the resume; at 20:00 nothing is raised.
    const at20 = timers(IMC_TYPICAL, h.entries, msk, '2025-03-11T20:00:00+03:00')['RESOLUTION#1']!;
    expect(at20).toMatchObject({ status: 'RUNNING', deadline: '2025-03-12T10:30:00.000Z', warned: false });
    expect(at20.nextDueAt).not.toBeNull();
    expect(msk.calendar.isWorkingTime(ms(at20.nextDueAt!))).toBe(true);
  });

  it('R-SLA-9: no warning when no working time is left before an agreed date', () => {
    // asmo (Mon-Fri 08:45-17:00, production calendar): triaged Tue 2025-12-30 at 17:00, the close of
    // the last working day of 2025; the planned date Fri 2026-01-09 17:00 lies in the New Year
    // holidays (work resumes Mon 2026-01-12 08:45). No working instant before the deadline can
    // carry the warning (found by the warnings property test, seed 2097653091).
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'LOW', channel: 'PHONE' })
      .registered('2025-12-30T17:00:00+03:00', false)
      .move('TRIAGE', '2025-12-30T17:00:00+03:00', { plannedResolutionAt: '2026-01-09T17:00:00+03:00' });
    const asmo = context('msk-0845-1700');
    const resolution = computeTimers('t', ASMO, h.entries, asmo, ms('2025-12-30T17:00:00+03:00')).find(
      (t) => t.metric === 'RESOLUTION',
    )!;
    expect(iso(resolution.deadline)).toBe('2026-01-09T14:00:00.000Z');
    expect(resolution.warnAt).toBeNull();
    expect(iso(resolution.nextDueAt)).toBe('2026-01-09T14:00:00.000Z');
    // At the date, the breach.
    expect(timers(ASMO, h.entries, asmo, '2026-01-09T17:00:00+03:00')['RESOLUTION#1']).toMatchObject({
      status: 'BREACHED',
      breachedAt: '2026-01-09T14:00:00.000Z',
    });
  });

  it('a clock stopped exactly at its deadline is met', () => {
    // asmo reaction from Fri 16:00: Mon 09:45; the first response comes at exactly 09:45.
    const h = new HistoryBuilder({})
      .registered('2025-06-20T16:00:00+03:00')
      .move('ACKNOWLEDGE', '2025-06-23T09:45:00+03:00');
    expect(timers(ASMO, h.entries, context('msk-0845-1700'), '2025-06-23T09:45:00+03:00')['REACTION#1']!.status).toBe(
      'MET',
    );
  });

  it('R-TKT-11: remarks in a preset without a rework target restart resolution', () => {
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'URGENT' })
      .registered('2025-10-27T10:00:00+03:00')
      .move('TRIAGE', '2025-10-27T10:20:00+03:00', { plannedResolutionAt: '2025-10-27T15:00:00+03:00' })
      .move('PROVIDE_SOLUTION', '2025-10-27T12:00:00+03:00')
      .customer('RETURN_SOLUTION', '2025-10-28T10:00:00+03:00');
    // altec Urgent execution, 4 working hours from the remarks Tue 10:00 -> 14:00 (11:00Z).
    expect(timers(ALTEC_8X5X4, h.entries, msk, '2025-10-28T10:00:00+03:00')['RESOLUTION#2']).toMatchObject({
      status: 'RUNNING',
      deadline: '2025-10-28T11:00:00.000Z',
    });
  });
});
