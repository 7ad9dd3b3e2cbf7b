import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, seed 003 item 2 (term agreement): "не позднее двух часов ... установление Поставщиком
 * срока ее исполнения и согласование с Заказчиком". The provider proposes the execution term, the
 * customer objects or agrees; TERM_AGREEMENT (kz-supplier: 2 working hours) stops at the
 * agreement, not when the provider merely sets a date; every step is in the history.
 */
describe('term agreement, walked by both parties (003 item 2)', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let p: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    p = await w.customerUnder('kz-supplier');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const propose = `mutation($id: ID!, $at: DateTime!, $note: String) { proposePlannedDate(id: $id, plannedResolutionAt: $at, note: $note) { proposedResolutionAt plannedResolutionAt } }`;
  const agree = `mutation($id: ID!) { agreePlannedDate(id: $id) { proposedResolutionAt plannedResolutionAt plannedDateAgreedAt } }`;
  const object = `mutation($id: ID!, $r: String!) { objectToPlannedDate(id: $id, reason: $r) { proposedResolutionAt } }`;

  it('003 item 2: proposed, objected, proposed again and agreed; TERM_AGREEMENT stops at the agreement', async () => {
    await w.clockAt('2025-07-16T17:00:00+05:00'); // Wed, Almaty (UTC+5)
    const id = await w.register(p, { category: 'ERROR' });
    // Term agreement 2 working hours: Wed 17:00-18:00 (1 h) + Thu 09:00-10:00 -> Thu 10:00 Almaty = 05:00Z.
    await w.expectTimers(id, { 'TERM_AGREEMENT#1': { status: 'RUNNING', deadline: '2025-07-17T05:00:00.000Z' } });
    await w.clockAt('2025-07-16T17:10:00+05:00');
    await w.act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });

    await w.clockAt('2025-07-16T17:20:00+05:00');
    const proposed = await w.act<{ proposePlannedDate: { proposedResolutionAt: string; plannedResolutionAt: null } }>(
      p.engineer,
      propose,
      { id, at: '2025-07-21T18:00:00+05:00', note: 'Needs a patch release' },
    );
    expect(proposed.proposePlannedDate).toEqual({
      proposedResolutionAt: '2025-07-21T13:00:00.000Z',
      plannedResolutionAt: null,
    });
    // The customer sees the proposal and may answer it; the provider may not answer for the customer.
    const seen = await sys.ok<{ ticket: { proposedResolutionAt: string; allowedMoves: string[] } }>(
      `query($id: ID!) { ticket(id: $id) { proposedResolutionAt allowedMoves } }`,
      { id },
      p.customer,
    );
    expect(seen.ticket.proposedResolutionAt).toBe('2025-07-21T13:00:00.000Z');
    expect(seen.ticket.allowedMoves).toEqual(expect.arrayContaining(['AGREE_PLANNED_DATE', 'OBJECT_TO_PLANNED_DATE']));
    expect(await w.refused(p.engineer, agree, { id })).toMatchObject({ code: 'FORBIDDEN' });

    await w.clockAt('2025-07-16T17:30:00+05:00');
    await w.act(p.customer, object, { id, r: 'Too late: the month closes on Friday' });
    // Objected: nothing is agreed, the clock keeps running to Thu 10:00.
    await w.expectTimers(id, { 'TERM_AGREEMENT#1': { status: 'RUNNING', deadline: '2025-07-17T05:00:00.000Z' } });
    expect(await w.refused(p.customer, agree, { id })).toMatchObject({ code: 'INVALID_TRANSITION' });

    await w.clockAt('2025-07-17T09:15:00+05:00'); // Thu
    await w.act(p.engineer, propose, { id, at: '2025-07-18T18:00:00+05:00' });
    await w.clockAt('2025-07-17T09:30:00+05:00');
    const agreed = await w.act<{ agreePlannedDate: Record<string, string | null> }>(p.customer, agree, { id });
    expect(agreed.agreePlannedDate).toEqual({
      proposedResolutionAt: null,
      plannedResolutionAt: '2025-07-18T13:00:00.000Z', // Fri 18:00 Almaty
      plannedDateAgreedAt: '2025-07-17T04:30:00.000Z',
    });
    // Met at Thu 09:30: Wed 17:00-18:00 (60 min) + Thu 09:00-09:30 (30 min) = 90 working minutes spent.
    await w.expectTimers(id, {
      'TERM_AGREEMENT#1': { status: 'MET', deadline: '2025-07-17T05:00:00.000Z', elapsedWorkingMinutes: 90 },
    });

    // Triage takes the agreed date; RESOLUTION (kz-supplier: the agreed date) is due Fri 18:00 Almaty.
    await w.clockAt('2025-07-17T09:40:00+05:00');
    await w.act(
      p.engineer,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: $a }) { id } }`,
      { id, a: p.engineerId },
    );
    await w.expectTimers(id, { 'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-07-18T13:00:00.000Z' } });

    // The agreement is in the history the customer reads (R-TKT-13), with who did what.
    const { ticket } = await sys.ok<{
      ticket: {
        history: { type: string; actorRole: string; from: string | null; to: string | null; reason: string | null }[];
      };
    }>(`query($id: ID!) { ticket(id: $id) { history { type actorRole from to reason } } }`, { id }, p.customer);
    const term = ticket.history.filter((e) => e.type.startsWith('PLANNED_DATE'));
    expect(term).toEqual([
      {
        type: 'PLANNED_DATE_PROPOSED',
        actorRole: 'ENGINEER',
        from: null,
        to: '2025-07-21T13:00:00.000Z',
        reason: null,
      },
      {
        type: 'PLANNED_DATE_OBJECTED',
        actorRole: 'CUSTOMER',
        from: '2025-07-21T13:00:00.000Z',
        to: null,
        reason: 'Too late: the month closes on Friday',
      },
      {
        type: 'PLANNED_DATE_PROPOSED',
        actorRole: 'ENGINEER',
        from: null,
        to: '2025-07-18T13:00:00.000Z',
        reason: null,
      },
      {
        type: 'PLANNED_DATE_CHANGED',
        actorRole: 'CUSTOMER',
        from: null,
        to: '2025-07-18T13:00:00.000Z',
        reason: 'agreed with the customer (term agreement)',
      },
      { type: 'PLANNED_DATE_AGREED', actorRole: 'CUSTOMER', from: null, to: '2025-07-18T13:00:00.000Z', reason: null },
    ]);
  });

  it('003 item 2: a date the provider sets without the agreement does not stop the clock: breached at Thu 10:00', async () => {
    await w.clockAt('2025-07-16T17:00:00+05:00');
    const id = await w.register(p, { category: 'ERROR' });
    await w.act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await w.clockAt('2025-07-17T09:00:00+05:00');
    await w.act(
      p.engineer,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: $a,
         plannedResolutionAt: "2025-07-21T18:00:00+05:00" }) { id } }`,
      { id, a: p.engineerId },
    );
    await w.expectTimers(id, { 'TERM_AGREEMENT#1': { status: 'RUNNING' } });
    await w.clockAt('2025-07-17T10:05:00+05:00'); // 2 working hours passed at 10:00
    await w.expectTimers(id, { 'TERM_AGREEMENT#1': { status: 'BREACHED', deadline: '2025-07-17T05:00:00.000Z' } });
  });

  it('refuses bad input and other organizations, changing nothing (limits, tenant isolation)', async () => {
    await w.clockAt('2025-07-22T10:00:00+05:00'); // Tue
    const id = await w.register(p, { category: 'ERROR' });
    // A customer does not propose; a date in the past or beyond 10 years is refused.
    expect(await w.refused(p.customer, propose, { id, at: '2025-07-25T18:00:00+05:00' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await w.refused(p.engineer, propose, { id, at: '2025-07-21T18:00:00+05:00' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/plannedResolutionAt must be in the future/),
    });
    expect(await w.refused(p.engineer, propose, { id, at: '2045-07-21T18:00:00+05:00' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await w.act(p.engineer, propose, { id, at: '2025-07-25T18:00:00+05:00', note: 'x'.repeat(2_000) });
    expect(await w.refused(p.engineer, propose, { id, at: '2025-07-25T18:00:00+05:00' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/already proposed/),
    });
    // An objection needs a reason of at most 2,000 characters.
    expect(await w.refused(p.customer, object, { id, r: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await w.refused(p.customer, object, { id, r: 'x'.repeat(2_001) })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    // Another organization's customer neither sees nor answers the proposal.
    const other = await w.customerUnder('kz-supplier');
    expect(await w.refused(other.customer, agree, { id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await w.refused(other.customer, object, { id, r: 'Not mine' })).toMatchObject({ code: 'NOT_FOUND' });
    // Still proposed, nothing agreed.
    const after = await sys.ok<{ ticket: { proposedResolutionAt: string; plannedDateAgreedAt: null } }>(
      `query($id: ID!) { ticket(id: $id) { proposedResolutionAt plannedDateAgreedAt } }`,
      { id },
      p.customer,
    );
    expect(after.ticket).toEqual({ proposedResolutionAt: '2025-07-25T13:00:00.000Z', plannedDateAgreedAt: null });
  });
});
