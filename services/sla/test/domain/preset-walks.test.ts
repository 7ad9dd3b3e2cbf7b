import { computeTimers, summarize } from '../../src/domain/ticket-sla';
import { ALTEC_8X5X4, ASMO, IMC_TYPICAL, INFOCRAFT_365, KZ_SUPPLIER } from '../../src/domain/presets';
import type { SlaPolicy } from '../../src/domain/policy';
import type { EvaluationContext } from '../../src/domain/evaluation';
import { context, HistoryBuilder, iso, ms } from './history-builder';

const TICKET = '00000000-0000-7000-8000-00000000abcd';

/** The timers at `now`, keyed "METRIC#cycle", with instants in UTC ISO. */
function timers(policy: SlaPolicy, history: HistoryBuilder, ctx: EvaluationContext, now: string) {
  const list = computeTimers(TICKET, policy, history.entries, ctx, ms(now));
  return Object.fromEntries(
    list.map((t) => [
      `${t.metric}#${t.cycle}`,
      { status: t.status, deadline: iso(t.deadline), warnAt: iso(t.warnAt), breachedAt: iso(t.breachedAt) },
    ]),
  );
}

/**
 * Every deadline below is worked out by hand from the regulation, the calendar and the
 * production calendar; the arithmetic is in the comments. Times are Moscow (UTC+3) unless said.
 */
describe('preset imc-typical (seed 000): R-TKT-8, R-SLA-4, R-SLA-8, R-SLA-9, R-TKT-9', () => {
  const ctx = context('msk-0900-1800');

  it('Support/Urgent: analysis, a clarification loop, resolution, a rework loop, acceptance', () => {
    const h = new HistoryBuilder({})
      .registered('2025-03-03T10:00:00+03:00') // Mon
      .move('ACKNOWLEDGE', '2025-03-03T10:30:00+03:00')
      .move('REQUEST_CLARIFICATION', '2025-03-03T15:00:00+03:00');

    // ANALYSIS 1 working day from Mon 10:00 -> Tue 10:00. Its 1-day warning would fall on the
    // start, so it comes halfway: Mon 10:00-18:00 (8 h) + Tue 09:00-10:00 (1 h) = 9 h; half = 4.5 h -> Mon 14:30.
    expect(
      timers(
        IMC_TYPICAL,
        new HistoryBuilder({}).registered('2025-03-03T10:00:00+03:00'),
        ctx,
        '2025-03-03T10:00:00+03:00',
      ),
    ).toEqual({
      'ANALYSIS#1': {
        status: 'RUNNING',
        deadline: '2025-03-04T07:00:00.000Z',
        warnAt: '2025-03-03T11:30:00.000Z',
        breachedAt: null,
      },
    });

    // At the clarification request analysis ends (met); CLARIFICATION: 3 working days from Mon 15:00 -> Thu 15:00,
    // warned 1 working day before: Wed 15:00.
    expect(timers(IMC_TYPICAL, h, ctx, '2025-03-03T15:00:00+03:00')).toEqual({
      'ANALYSIS#1': { status: 'MET', deadline: '2025-03-04T07:00:00.000Z', warnAt: null, breachedAt: null },
      'CLARIFICATION#1': {
        status: 'RUNNING',
        deadline: '2025-03-06T12:00:00.000Z',
        warnAt: '2025-03-05T12:00:00.000Z',
        breachedAt: null,
      },
    });

    h.customer('ANSWER_CLARIFICATION', '2025-03-04T11:00:00+03:00') // Tue
      .move('TRIAGE', '2025-03-04T12:00:00+03:00', {
        category: 'SUPPORT',
        priority: 'URGENT',
        plannedResolutionAt: '2025-03-06T18:00:00+03:00',
      });
    // RESOLUTION (Support/Urgent: 3 working days from the end of analysis, Tue 12:00): Wed, Thu, Fri 7 March
    // (a shortened pre-holiday day, 09:00-17:00; 12:00 is before its close) -> Fri 12:00. Warning 1 working day before: Thu 12:00.
    expect(timers(IMC_TYPICAL, h, ctx, '2025-03-04T12:00:00+03:00')['RESOLUTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-03-07T09:00:00.000Z',
      warnAt: '2025-03-06T09:00:00.000Z',
      breachedAt: null,
    });

    h.move('PROVIDE_SOLUTION', '2025-03-06T16:00:00+03:00'); // Thu
    // CUSTOMER_ACCEPTANCE 3 working days from Thu 16:00: Fri 7 (16:00 < 17:00 close), Mon 10 (8 March is a
    // Saturday holiday), Tue 11 -> Tue 16:00; warning Mon 16:00. AUTO_CLOSE: 14 calendar days -> Thu 20 March 16:00.
    const afterSolution = timers(IMC_TYPICAL, h, ctx, '2025-03-06T16:00:00+03:00');
    expect(afterSolution['RESOLUTION#1']!.status).toBe('MET');
    expect(afterSolution['CUSTOMER_ACCEPTANCE#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-03-11T13:00:00.000Z',
      warnAt: '2025-03-10T13:00:00.000Z',
      breachedAt: null,
    });
    expect(afterSolution['AUTO_CLOSE#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-03-20T13:00:00.000Z',
      warnAt: null,
      breachedAt: null,
    });

    h.customer('RETURN_SOLUTION', '2025-03-10T10:00:00+03:00'); // Mon: remarks
    // REWORK 3 working days from Mon 10:00 -> Thu 13 March 10:00; warning Wed 10:00.
    const rework = timers(IMC_TYPICAL, h, ctx, '2025-03-10T10:00:00+03:00');
    expect(rework['CUSTOMER_ACCEPTANCE#1']!.status).toBe('MET');
    expect(rework['AUTO_CLOSE#1']!.status).toBe('CANCELLED');
    expect(rework['REWORK#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-03-13T07:00:00.000Z',
      warnAt: '2025-03-12T07:00:00.000Z',
      breachedAt: null,
    });

    h.move('PROVIDE_SOLUTION', '2025-03-12T17:00:00+03:00').close('ACCEPTED', '2025-03-13T09:30:00+03:00');
    // Second acceptance: 3 working days from Wed 17:00 -> Mon 17 March 17:00, accepted in time.
    expect(timers(IMC_TYPICAL, h, ctx, '2025-03-13T09:30:00+03:00')).toEqual({
      'ANALYSIS#1': { status: 'MET', deadline: '2025-03-04T07:00:00.000Z', warnAt: null, breachedAt: null },
      'CLARIFICATION#1': { status: 'MET', deadline: '2025-03-06T12:00:00.000Z', warnAt: null, breachedAt: null },
      // Back in analysis with the answer (Tue 11:00): a new primary analysis of 1 working day -> Wed 11:00 (08:00Z).
      'ANALYSIS#2': { status: 'MET', deadline: '2025-03-05T08:00:00.000Z', warnAt: null, breachedAt: null },
      'RESOLUTION#1': { status: 'MET', deadline: '2025-03-07T09:00:00.000Z', warnAt: null, breachedAt: null },
      'CUSTOMER_ACCEPTANCE#1': { status: 'MET', deadline: '2025-03-11T13:00:00.000Z', warnAt: null, breachedAt: null },
      'AUTO_CLOSE#1': { status: 'CANCELLED', deadline: null, warnAt: null, breachedAt: null },
      'REWORK#1': { status: 'MET', deadline: '2025-03-13T07:00:00.000Z', warnAt: null, breachedAt: null },
      'CUSTOMER_ACCEPTANCE#2': { status: 'MET', deadline: '2025-03-17T14:00:00.000Z', warnAt: null, breachedAt: null },
      'AUTO_CLOSE#2': { status: 'CANCELLED', deadline: null, warnAt: null, breachedAt: null },
    });
  });

  it('Error/Urgent: a clarification pauses resolution, time spent stays spent; holidays; the 4-working-hour warning', () => {
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'URGENT' })
      .registered('2025-04-29T10:00:00+03:00') // Tue
      .move('ACKNOWLEDGE', '2025-04-29T10:05:00+03:00')
      .move('TRIAGE', '2025-04-29T11:00:00+03:00', { plannedResolutionAt: '2025-04-30T16:00:00+03:00' });
    // RESOLUTION 1 working day from Tue 11:00 -> Wed 30 April 11:00 (shortened day 09:00-17:00).
    // Warning 4 working hours before: Wed 09:00-11:00 is 2 h, 2 h more back from Tue 18:00 -> Tue 16:00.
    expect(timers(IMC_TYPICAL, h, ctx, '2025-04-29T11:00:00+03:00')['RESOLUTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-04-30T08:00:00.000Z',
      warnAt: '2025-04-29T13:00:00.000Z',
      breachedAt: null,
    });

    h.move('REQUEST_CLARIFICATION', '2025-04-29T14:00:00+03:00'); // 3 h spent (11:00-14:00)
    const paused = timers(IMC_TYPICAL, h, ctx, '2025-04-29T15:00:00+03:00');
    expect(paused['RESOLUTION#1']).toEqual({ status: 'PAUSED', deadline: null, warnAt: null, breachedAt: null });
    // CLARIFICATION 3 working days from Tue 14:00: Wed 30 April, then 1-2 May holidays and the weekend,
    // Mon 5 May, Tue 6 May -> Tue 6 May 14:00.
    expect(paused['CLARIFICATION#1']!.deadline).toBe('2025-05-06T11:00:00.000Z');

    h.customer('ANSWER_CLARIFICATION', '2025-04-30T10:00:00+03:00');
    // The day target is 9 working hours (Tue 11:00-18:00 7 h + Wed 09:00-11:00 2 h); 3 h spent, 6 h left
    // from Wed 10:00 on the shortened day (close 17:00) -> Wed 16:00. Warning 4 working hours before: Wed 12:00.
    expect(timers(IMC_TYPICAL, h, ctx, '2025-04-30T10:00:00+03:00')['RESOLUTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-04-30T13:00:00.000Z',
      warnAt: '2025-04-30T09:00:00.000Z',
      breachedAt: null,
    });
    // Past the warning the ticket is AT_RISK; at the deadline, BREACHED, recorded at the deadline.
    const atRisk = computeTimers(TICKET, IMC_TYPICAL, h.entries, ctx, ms('2025-04-30T12:30:00+03:00'));
    expect(summarize(atRisk).state).toBe('AT_RISK');
    const late = timers(IMC_TYPICAL, h, ctx, '2025-04-30T16:00:00+03:00')['RESOLUTION#1'];
    expect(late).toEqual({
      status: 'BREACHED',
      deadline: '2025-04-30T13:00:00.000Z',
      warnAt: null,
      breachedAt: '2025-04-30T13:00:00.000Z',
    });

    h.move('PROVIDE_SOLUTION', '2025-04-30T15:00:00+03:00');
    // Solved at 15:00, before 16:00: met. CUSTOMER_ACCEPTANCE 1 working day from Wed 15:00: 1-4 May are
    // holidays and weekend -> Mon 5 May 15:00; warning 4 working hours before: Mon 11:00.
    const solved = timers(IMC_TYPICAL, h, ctx, '2025-04-30T15:00:00+03:00');
    expect(solved['RESOLUTION#1']!.status).toBe('MET');
    expect(solved['CUSTOMER_ACCEPTANCE#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-05-05T12:00:00.000Z',
      warnAt: '2025-05-05T08:00:00.000Z',
      breachedAt: null,
    });
  });

  it('release-bound Error/High follows the next unplanned release (R-SLA-7)', () => {
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'HIGH', product: 'ERP' })
      .registered('2025-03-03T10:00:00+03:00')
      .move('TRIAGE', '2025-03-03T11:00:00+03:00');
    const releases = [
      { product: 'ERP', kind: 'PLANNED' as const, plannedAt: ms('2025-03-20T12:00:00Z') },
      { product: 'ERP', kind: 'UNPLANNED' as const, plannedAt: ms('2025-03-01T12:00:00Z') }, // before the start: not it
      { product: 'ERP', kind: 'UNPLANNED' as const, plannedAt: ms('2025-03-12T12:00:00Z') },
    ];
    const resolution = timers(IMC_TYPICAL, h, context('msk-0900-1800', { releases }), '2025-03-03T11:00:00+03:00')[
      'RESOLUTION#1'
    ];
    // Next unplanned after Mon 3 March 11:00: 12 March 12:00Z (15:00 Moscow); warning 1 working day before:
    // Tue 11 March 15:00 Moscow = 12:00Z.
    expect(resolution).toEqual({
      status: 'RUNNING',
      deadline: '2025-03-12T12:00:00.000Z',
      warnAt: '2025-03-11T12:00:00.000Z',
      breachedAt: null,
    });
    // The schedule moves: the deadline follows.
    const moved = [
      ...releases.slice(0, 2),
      { product: 'ERP', kind: 'UNPLANNED' as const, plannedAt: ms('2025-03-14T12:00:00Z') },
    ];
    expect(
      timers(IMC_TYPICAL, h, context('msk-0900-1800', { releases: moved }), '2025-03-03T11:00:00+03:00')[
        'RESOLUTION#1'
      ]!.deadline,
    ).toBe('2025-03-14T12:00:00.000Z');
    // No release scheduled: running without a deadline.
    expect(timers(IMC_TYPICAL, h, ctx, '2025-03-03T11:00:00+03:00')['RESOLUTION#1']!.deadline).toBeNull();
  });

  it('Error/Low: "one of the following planned updates" is the second planned release after the start', () => {
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'LOW', product: 'ERP' })
      .registered('2025-03-03T10:00:00+03:00')
      .move('TRIAGE', '2025-03-03T11:00:00+03:00');
    const releases = [
      { product: 'ERP', kind: 'PLANNED' as const, plannedAt: ms('2025-04-01T09:00:00Z') },
      { product: 'ERP', kind: 'PLANNED' as const, plannedAt: ms('2025-03-15T09:00:00Z') },
      { product: 'ERP', kind: 'PLANNED' as const, plannedAt: ms('2025-05-01T09:00:00Z') },
    ];
    expect(
      timers(IMC_TYPICAL, h, context('msk-0900-1800', { releases }), '2025-03-03T11:00:00+03:00')['RESOLUTION#1']!
        .deadline,
    ).toBe('2025-04-01T09:00:00.000Z');
  });
});

describe('preset asmo (seed 001, 08:45-17:00): R-SLA-6', () => {
  const ctx = context('msk-0845-1700');

  it('reaction 2 working hours and typical resolution 8 working hours from registration, then an agreed date', () => {
    const h = new HistoryBuilder({ category: 'ERROR', priority: 'HIGH' }).registered('2025-06-20T16:00:00+03:00'); // Fri
    // REACTION: Fri 16:00-17:00 = 1 h, Mon 23 June 08:45 + 1 h = 09:45; warning a quarter (30 min) before: 09:15.
    // RESOLUTION 8 h: Fri 1 h + Mon 7 h from 08:45 -> Mon 15:45; warning 2 h before: 13:45.
    expect(timers(ASMO, h, ctx, '2025-06-20T16:00:00+03:00')).toEqual({
      'REACTION#1': {
        status: 'RUNNING',
        deadline: '2025-06-23T06:45:00.000Z',
        warnAt: '2025-06-23T06:15:00.000Z',
        breachedAt: null,
      },
      'RESOLUTION#1': {
        status: 'RUNNING',
        deadline: '2025-06-23T12:45:00.000Z',
        warnAt: '2025-06-23T10:45:00.000Z',
        breachedAt: null,
      },
    });
    h.move('ACKNOWLEDGE', '2025-06-23T09:30:00+03:00'); // first response in time
    expect(timers(ASMO, h, ctx, '2025-06-23T09:30:00+03:00')['REACTION#1']!.status).toBe('MET');

    // Low (non-typical): the planned date the provider sets is the deadline.
    h.reclassify('2025-06-23T10:00:00+03:00', { priority: 'LOW' });
    expect(timers(ASMO, h, ctx, '2025-06-23T10:00:00+03:00')['RESOLUTION#1']!.deadline).toBeNull();
    h.planned('2025-06-23T11:00:00+03:00', '2025-06-25T12:00:00+03:00');
    // Agreed Wed 25 June 12:00; warning 1 working day before: Tue 12:00.
    expect(timers(ASMO, h, ctx, '2025-06-23T11:00:00+03:00')['RESOLUTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-06-25T09:00:00.000Z',
      warnAt: '2025-06-24T09:00:00.000Z',
      breachedAt: null,
    });
  });

  it('a reaction not given in time is breached at its deadline', () => {
    const h = new HistoryBuilder({})
      .registered('2025-06-20T16:00:00+03:00')
      .move('ACKNOWLEDGE', '2025-06-23T10:00:00+03:00');
    expect(timers(ASMO, h, ctx, '2025-06-23T10:00:00+03:00')['REACTION#1']).toEqual({
      status: 'BREACHED',
      deadline: '2025-06-23T06:45:00.000Z',
      warnAt: null,
      breachedAt: '2025-06-23T06:45:00.000Z',
    });
  });
});

describe('preset altec-8x5x4 (seed 002): R-SLA-5, R-SLA-10, R-TKT-12', () => {
  const ctx = context('msk-0900-1800');

  it('processing, execution from its end, a priority change recomputed from the original start, auto-close', () => {
    const h = new HistoryBuilder({}).registered('2025-10-27T17:00:00+03:00'); // Mon
    // Processing for an unclassified ticket (Normal): 1 working hour, Mon 17:00 -> 18:00 (the closing instant);
    // warning a quarter before: 17:45.
    expect(timers(ALTEC_8X5X4, h, ctx, '2025-10-27T17:00:00+03:00')['ANALYSIS#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-10-27T15:00:00.000Z',
      warnAt: '2025-10-27T14:45:00.000Z',
      breachedAt: null,
    });
    h.move('ACKNOWLEDGE', '2025-10-28T09:05:00+03:00').move('TRIAGE', '2025-10-28T09:10:00+03:00', {
      category: 'ERROR',
      priority: 'NORMAL',
      plannedResolutionAt: '2025-11-03T12:00:00+03:00',
    });
    // Triage came Tue 09:10, after Mon 18:00: processing breached at 18:00.
    // Execution (Normal: 4 working days) from Tue 09:10: Wed, Thu, Fri, and Saturday 1 November 2025, a working
    // Saturday (shortened, 09:00-17:00) -> Sat 09:10; warning 1 working day before: Fri 31 October 09:10.
    const triaged = timers(ALTEC_8X5X4, h, ctx, '2025-10-28T09:10:00+03:00');
    expect(triaged['ANALYSIS#1']).toEqual({
      status: 'BREACHED',
      deadline: '2025-10-27T15:00:00.000Z',
      warnAt: null,
      breachedAt: '2025-10-27T15:00:00.000Z',
    });
    expect(triaged['RESOLUTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-11-01T06:10:00.000Z',
      warnAt: '2025-10-31T06:10:00.000Z',
      breachedAt: null,
    });

    // R-SLA-10: priority 2 (High, 2 working days) from the original start Tue 09:10 -> Thu 30 October 09:10.
    h.reclassify('2025-10-28T10:00:00+03:00', { priority: 'HIGH' });
    expect(timers(ALTEC_8X5X4, h, ctx, '2025-10-28T10:00:00+03:00')['RESOLUTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-10-30T06:10:00.000Z',
      warnAt: '2025-10-29T06:10:00.000Z',
      breachedAt: null,
    });

    h.move('PROVIDE_SOLUTION', '2025-10-29T15:00:00+03:00');
    // Auto-close 14 calendar days after the solution: Wed 12 November 15:00.
    const resolved = timers(ALTEC_8X5X4, h, ctx, '2025-10-29T15:00:00+03:00');
    expect(resolved['RESOLUTION#1']!.status).toBe('MET');
    expect(resolved['AUTO_CLOSE#1']!.deadline).toBe('2025-11-12T12:00:00.000Z');
    const due = computeTimers(TICKET, ALTEC_8X5X4, h.entries, ctx, ms('2025-11-12T15:00:00+03:00'));
    expect(due.find((t) => t.metric === 'AUTO_CLOSE')).toMatchObject({
      status: 'RUNNING',
      expired: true,
      nextDueAt: null,
    });
    h.close('AUTO_CLOSED', '2025-11-12T15:00:01+03:00');
    expect(timers(ALTEC_8X5X4, h, ctx, '2025-11-12T15:00:01+03:00')['AUTO_CLOSE#1']!.status).toBe('MET');
  });
});

describe('preset kz-supplier (seed 003, Asia/Almaty): term agreement, agreed date, on-site arrival, R-SLA-11', () => {
  const ctx = context('almaty-0900-1800');

  it('walks an error report with an on-site visit that arrives late', () => {
    const h = new HistoryBuilder({ category: 'ERROR' }).registered('2025-07-16T17:00:00+05:00'); // Wed
    // TERM_AGREEMENT 2 working hours: Wed 17:00-18:00 1 h + Thu 09:00-10:00 -> Thu 10:00 (05:00Z); warning 30 min before.
    expect(timers(KZ_SUPPLIER, h, ctx, '2025-07-16T17:00:00+05:00')).toEqual({
      'TERM_AGREEMENT#1': {
        status: 'RUNNING',
        deadline: '2025-07-17T05:00:00.000Z',
        warnAt: '2025-07-17T04:30:00.000Z',
        breachedAt: null,
      },
    });
    h.move('ACKNOWLEDGE', '2025-07-16T17:10:00+05:00').move('TRIAGE', '2025-07-17T09:40:00+05:00', {
      priority: 'HIGH',
      plannedResolutionAt: '2025-07-21T18:00:00+05:00',
    });
    // 003 item 2: the date set at triage is not agreed yet: the clock still runs.
    expect(timers(KZ_SUPPLIER, h, ctx, '2025-07-17T09:40:00+05:00')['TERM_AGREEMENT#1']!.status).toBe('RUNNING');
    h.termAgreed('2025-07-17T09:45:00+05:00', '2025-07-21T18:00:00+05:00');
    // The customer agrees at 09:45: term agreed in time. RESOLUTION = the agreed Mon 21 July 18:00 (13:00Z);
    // warning 1 working day before: 18:00 is a closing instant, so it is the Monday's 09:00 (04:00Z).
    const agreed = timers(KZ_SUPPLIER, h, ctx, '2025-07-17T09:45:00+05:00');
    expect(agreed['TERM_AGREEMENT#1']!.status).toBe('MET');
    expect(agreed['RESOLUTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-07-21T13:00:00.000Z',
      warnAt: '2025-07-21T04:00:00.000Z',
      breachedAt: null,
    });

    // On-site within 3 calendar hours of the request (Thu 10:00 -> 13:00 = 08:00Z); arrival 13:30: breached at 13:00.
    h.onSiteRequested('2025-07-17T10:00:00+05:00').onSiteArrived('2025-07-17T13:30:00+05:00');
    const onSite = computeTimers(TICKET, KZ_SUPPLIER, h.entries, ctx, ms('2025-07-17T13:30:00+05:00'));
    expect(onSite.find((t) => t.metric === 'ON_SITE')).toMatchObject({
      status: 'BREACHED',
      deadline: ms('2025-07-17T08:00:00Z'),
      breachedAt: ms('2025-07-17T08:00:00Z'),
    });
    expect(summarize(onSite)).toMatchObject({ state: 'BREACHED', breached: true });
  });
});

describe('preset infocraft-365 (seed 004): reaction from the package, only while prepaid time remains (R-CON-6)', () => {
  // Prepaid time used up Wed 10 September 2025 12:00 Moscow, refilled Thu 11 September 10:00.
  const exhausted = [{ from: ms('2025-09-10T12:00:00+03:00'), to: ms('2025-09-11T10:00:00+03:00') }];
  const ctx = context('msk-0800-1800', { exhausted, reactionMinutes: 240 });

  it('a ticket registered before: 4 working hours, met', () => {
    const h = new HistoryBuilder({}).registered('2025-09-09T16:00:00+03:00'); // Tue
    // Tue 16:00-18:00 = 2 h, Wed 08:00 + 2 h -> Wed 10:00 (07:00Z); warning a quarter (1 h) before: Wed 09:00.
    expect(timers(INFOCRAFT_365, h, ctx, '2025-09-09T16:00:00+03:00')['REACTION#1']).toEqual({
      status: 'RUNNING',
      deadline: '2025-09-10T07:00:00.000Z',
      warnAt: '2025-09-10T06:00:00.000Z',
      breachedAt: null,
    });
  });

  it('a running reaction says NOT_GUARANTEED while the time is used up, and resumes with what was left', () => {
    const h = new HistoryBuilder({}).registered('2025-09-10T10:00:00+03:00'); // Wed, 2 h spent by 12:00
    expect(timers(INFOCRAFT_365, h, ctx, '2025-09-10T13:00:00+03:00')['REACTION#1']).toEqual({
      status: 'NOT_GUARANTEED',
      deadline: null,
      warnAt: null,
      breachedAt: null,
    });
    // Refilled Thu 10:00: 2 h left -> Thu 12:00 (09:00Z).
    expect(timers(INFOCRAFT_365, h, ctx, '2025-09-11T10:30:00+03:00')['REACTION#1']!.deadline).toBe(
      '2025-09-11T09:00:00.000Z',
    );
  });

  it('a ticket registered while the time is used up is not guaranteed; after the refill its 4 hours start', () => {
    const h = new HistoryBuilder({}).registered('2025-09-10T13:00:00+03:00');
    expect(timers(INFOCRAFT_365, h, ctx, '2025-09-10T15:00:00+03:00')['REACTION#1']!.status).toBe('NOT_GUARANTEED');
    // From the refill Thu 10:00: 4 h -> Thu 14:00 (11:00Z).
    expect(timers(INFOCRAFT_365, h, ctx, '2025-09-11T10:00:00+03:00')['REACTION#1']!.deadline).toBe(
      '2025-09-11T11:00:00.000Z',
    );
    // Answered while not guaranteed: it stays NOT_GUARANTEED, never a breach.
    const answered = new HistoryBuilder({})
      .registered('2025-09-10T13:00:00+03:00')
      .move('ACKNOWLEDGE', '2025-09-10T17:00:00+03:00');
    expect(timers(INFOCRAFT_365, answered, ctx, '2025-09-10T17:00:00+03:00')['REACTION#1']!.status).toBe(
      'NOT_GUARANTEED',
    );
  });
});

describe('product-wide targets', () => {
  it('R-TKT-3: a phone call not answered at once starts a 3-working-day call-back, ended by the first response', () => {
    const h = new HistoryBuilder({ channel: 'PHONE' }).registered('2025-03-03T10:00:00+03:00', false);
    // 3 working days from Mon 10:00 -> Thu 6 March 10:00 (07:00Z).
    expect(timers(IMC_TYPICAL, h, context('msk-0900-1800'), '2025-03-03T10:00:00+03:00')['CALLBACK#1']!.deadline).toBe(
      '2025-03-06T07:00:00.000Z',
    );
    h.providerMessage('2025-03-04T09:00:00+03:00');
    expect(timers(IMC_TYPICAL, h, context('msk-0900-1800'), '2025-03-04T09:00:00+03:00')['CALLBACK#1']!.status).toBe(
      'MET',
    );
    const answered = new HistoryBuilder({ channel: 'PHONE' }).registered('2025-03-03T10:00:00+03:00', true);
    expect(
      timers(IMC_TYPICAL, answered, context('msk-0900-1800'), '2025-03-03T10:00:00+03:00')['CALLBACK#1'],
    ).toBeUndefined();
  });

  it('a closed ticket cancels the clocks still running', () => {
    const h = new HistoryBuilder({})
      .registered('2025-03-03T10:00:00+03:00')
      .close('WITHDRAWN', '2025-03-03T11:00:00+03:00', false);
    expect(timers(IMC_TYPICAL, h, context('msk-0900-1800'), '2025-03-03T11:00:00+03:00')['ANALYSIS#1']!.status).toBe(
      'CANCELLED',
    );
  });
});
