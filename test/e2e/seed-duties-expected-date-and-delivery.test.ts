import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18: the customer's expected date at registration (R-TKT-5, seed 001 §2 "желаемый срок")
 * and how a solution was delivered (seed 002: portal, e-mail, phone, remote session).
 */
describe('expected date (R-TKT-5, 001 §2) and the way a solution was delivered (002)', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let asmo: Party;
  let altec: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    asmo = await w.customerUnder('asmo');
    altec = await w.customerUnder('altec-8x5x4');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('001 §2: the customer states the date it expects; staff see it when they set the planned date', async () => {
    await w.clockAt('2025-06-02T10:00:00+03:00'); // Mon, Moscow
    const id = await w.register(asmo, { category: 'IMPROVEMENT', expectedResolutionAt: '2025-06-20T17:00:00+03:00' });
    const { ticket } = await sys.ok<{ ticket: { expectedResolutionAt: string; plannedResolutionAt: null } }>(
      `query($id: ID!) { ticket(id: $id) { expectedResolutionAt plannedResolutionAt } }`,
      { id },
      asmo.engineer,
    );
    // 17:00 Moscow (UTC+3) = 14:00Z.
    expect(ticket).toEqual({ expectedResolutionAt: '2025-06-20T14:00:00.000Z', plannedResolutionAt: null });
    // The customer sees its own date too.
    const own = await sys.ok<{ ticket: { expectedResolutionAt: string } }>(
      `query($id: ID!) { ticket(id: $id) { expectedResolutionAt } }`,
      { id },
      asmo.customer,
    );
    expect(own.ticket.expectedResolutionAt).toBe('2025-06-20T14:00:00.000Z');
  });

  it('R-TKT-5: an expected date in the past or beyond 10 years is refused and nothing is registered', async () => {
    await w.clockAt('2025-06-02T10:00:00+03:00');
    await w.register(asmo); // the tickets service knows the contract by now
    const before = await sys.ok<{ tickets: { totalCount: number } }>(
      `{ tickets(filter: {}) { totalCount } }`,
      {},
      asmo.customer,
    );
    const register = `mutation($input: RegisterTicketInput!) { registerTicket(input: $input) { id } }`;
    const input = (at: string) => ({
      input: {
        contractId: asmo.contractId,
        channel: 'PORTAL',
        title: 'x',
        description: 'y',
        expectedResolutionAt: at,
      },
    });
    for (const at of ['2025-06-02T09:59:00+03:00', '2036-01-01T00:00:00Z']) {
      const refused = await w.refused(asmo.customer, register, input(at));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/expectedResolutionAt/) });
    }
    const after = await sys.ok<{ tickets: { totalCount: number } }>(
      `{ tickets(filter: {}) { totalCount } }`,
      {},
      asmo.customer,
    );
    expect(after.tickets.totalCount).toBe(before.tickets.totalCount);
  });

  it('002: provideSolution records how the answer was delivered, in the ticket and its history', async () => {
    await w.clockAt('2025-10-27T10:00:00+03:00'); // Mon
    const solved = async (deliveredVia: string | null) => {
      const id = await w.register(altec, { category: 'SUPPORT' });
      await w.act(altec.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
      await w.act(
        altec.engineer,
        `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: SUPPORT, priority: LOW, assigneeId: $a,
           plannedResolutionAt: "2025-11-05T18:00:00+03:00" }) { id } }`,
        { id, a: altec.engineerId },
      );
      const done = await w.act<{ provideSolution: { status: string; solutionDeliveredVia: string } }>(
        altec.engineer,
        `mutation($id: ID!, $v: SolutionDelivery) { provideSolution(id: $id, solution: "Configured together", deliveredVia: $v) {
           status solutionDeliveredVia } }`,
        { id, v: deliveredVia },
      );
      return { id, done: done.provideSolution };
    };
    const remote = await solved('REMOTE_SESSION');
    expect(remote.done).toEqual({ status: 'RESOLVED', solutionDeliveredVia: 'REMOTE_SESSION' });
    const { ticket } = await sys.ok<{ ticket: { history: { transition: string | null; reason: string | null }[] } }>(
      `query($id: ID!) { ticket(id: $id) { history { transition reason } } }`,
      { id: remote.id },
      altec.customer,
    );
    expect(ticket.history.filter((e) => e.transition === 'PROVIDE_SOLUTION')).toEqual([
      { transition: 'PROVIDE_SOLUTION', reason: 'REMOTE_SESSION' },
    ]);
    // Not said: the portal (the main channel, R-TKT-3).
    expect((await solved(null)).done.solutionDeliveredVia).toBe('PORTAL');
    const phone = await solved('PHONE');
    expect(phone.done.solutionDeliveredVia).toBe('PHONE');
    // A way the schema does not know is refused by the API.
    const bad = await sys.gql(
      `mutation($id: ID!) { provideSolution(id: $id, solution: "x", deliveredVia: FAX) { id } }`,
      { id: phone.id },
      altec.engineer,
    );
    expect(bad.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
  });
});
