import { type Caller, newId } from '@reglament/shared/domain';
import { ContractsHarness, customer, DISPATCHER } from './support/harness';

const engineer = (name: string): Extract<Caller, { kind: 'user' }> => ({
  kind: 'user',
  id: newId(),
  role: 'ENGINEER',
  organizationId: null,
  name,
});

/**
 * Issue 19: the workload of engineers for dispatchers: open tickets per assignee and status now
 * (from the tickets read model), minutes each person logged in a period by their ticket's
 * status; staff only. Figures worked out by hand in the comments.
 */
describe('workload', () => {
  let h: ContractsHarness;

  beforeAll(async () => {
    h = await ContractsHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('open tickets per engineer and status, minutes logged in the period; unassigned last', async () => {
    const e1 = engineer('E1');
    const e2 = engineer('E2');
    h.setClock('2025-04-01T10:00:00+03:00');
    const { contract, organization } = await customer(h.app, 'imc-typical', {
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
    const t1 = await h.ticket(contract, 'SUPPORT', null, { status: 'IN_PROGRESS', assigneeId: e1.id });
    await h.ticket(contract, 'SUPPORT', null, { status: 'AWAITING_CLARIFICATION', assigneeId: e1.id });
    const t3 = await h.ticket(contract, 'SUPPORT', null, { status: 'IN_PROGRESS', assigneeId: e2.id });
    await h.ticket(contract, 'SUPPORT', null, { status: 'REGISTERED', assigneeId: null });
    const t5 = await h.ticket(contract, 'SUPPORT', null, { status: 'CLOSED', assigneeId: e1.id });
    const log = (who: Caller, ticketId: string, minutes: number) =>
      h.app.timeLogging.logTime(who, {
        ticketId,
        minutes,
        note: null,
        serviceCode: null,
        idempotencyKey: null,
        overrideCustomizationCap: false,
      });
    await log(e2, t3.ticketId, 60); // 1 April: outside the default 30 days before 20 June
    h.setClock('2025-06-10T10:00:00+03:00');
    await log(e1, t1.ticketId, 30);
    await log(e1, t1.ticketId, 20);
    await log(e1, t5.ticketId, 15);
    await log(e2, t3.ticketId, 45);
    h.setClock('2025-06-20T10:00:00+03:00');

    const now = await h.app.workload.of(DISPATCHER, { from: null, to: null });
    // Default period: 30 days before now (20 June 07:00 UTC): from 21 May 07:00 UTC.
    expect(now.from.toISOString()).toBe('2025-05-21T07:00:00.000Z');
    const rows = now.engineers.map((e) => [
      e.engineerId,
      e.openTickets,
      e.loggedMinutes,
      e.byStatus.map((c) => `${c.status} ${c.openTickets}/${c.loggedMinutes}/${c.entries}`),
    ]);
    expect(rows).toEqual([
      // E1: t1 IN_PROGRESS and t2 AWAITING_CLARIFICATION open (t5 is closed); 30 + 20 on t1, 15 on t5.
      [e1.id, 2, 65, ['AWAITING_CLARIFICATION 1/0/0', 'CLOSED 0/15/1', 'IN_PROGRESS 1/50/2']],
      // E2: t3 open; 45 in the period (the 60 of 1 April are before it).
      [e2.id, 1, 45, ['IN_PROGRESS 1/45/1']],
      // Nobody: t4 REGISTERED.
      [null, 1, 0, ['REGISTERED 1/0/0']],
    ]);
    // Per status: IN_PROGRESS t1 + t3 open, 50 + 45 = 95 logged.
    expect(now.byStatus).toEqual([
      { status: 'AWAITING_CLARIFICATION', openTickets: 1, loggedMinutes: 0 },
      { status: 'CLOSED', openTickets: 0, loggedMinutes: 15 },
      { status: 'IN_PROGRESS', openTickets: 2, loggedMinutes: 95 },
      { status: 'REGISTERED', openTickets: 1, loggedMinutes: 0 },
    ]);
    // From 1 March: E2's 60 of 1 April count too, 60 + 45 = 105.
    const spring = await h.app.workload.of(DISPATCHER, { from: new Date('2025-03-01T00:00:00Z'), to: null });
    expect(spring.engineers.find((e) => e.engineerId === e2.id)?.loggedMinutes).toBe(105);

    // Staff only: a customer is refused, not shown a part.
    const own: Caller = { kind: 'user', id: newId(), role: 'CUSTOMER', organizationId: organization.id, name: 'C' };
    await expect(h.app.workload.of(own, { from: null, to: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.app.workload.of({ kind: 'anonymous' }, { from: null, to: null })).rejects.toMatchObject({
      code: expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/),
    });
  });

  it('refuses a period over 366 days or backwards, saying the limit', async () => {
    await expect(
      h.app.workload.of(DISPATCHER, { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('at most 366 days') });
    await expect(
      h.app.workload.of(DISPATCHER, { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('before to') });
  });
});
