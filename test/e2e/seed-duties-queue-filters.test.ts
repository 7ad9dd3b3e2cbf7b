import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, the dispatcher's queues: `tickets(filter: { unassigned: true })` (nobody took it
 * yet, R-TKT-8: triage assigns an engineer) and `awaitingCustomer` (the next step is the
 * customer's: a clarification R-TKT-9, an acceptance R-TKT-11, a proposed term 003 item 2).
 */
describe('queue filters for dispatchers: unassigned and awaiting the customer', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let p: Party;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    p = await w.customerUnder('kz-supplier');
    await w.clockAt('2025-07-16T10:00:00+05:00'); // Wed, Almaty
    const ack = (id: string) => w.act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    const triage = (id: string) =>
      w.act(
        p.engineer,
        `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: SUPPORT, priority: NORMAL, assigneeId: $a,
           plannedResolutionAt: "2025-07-25T18:00:00+05:00" }) { id } }`,
        { id, a: p.engineerId },
      );
    // fresh: registered, nobody assigned.
    ids.fresh = await w.register(p, { title: 'fresh' });
    // asked: in analysis, a question to the customer, nobody assigned.
    ids.asked = await w.register(p, { title: 'asked' });
    await ack(ids.asked);
    await w.act(p.engineer, `mutation($id: ID!) { requestClarification(id: $id, question: "Which server?") { id } }`, {
      id: ids.asked,
    });
    // proposed: a planned date proposed to the customer, nobody assigned.
    ids.proposed = await w.register(p, { title: 'proposed' });
    await ack(ids.proposed);
    await w.act(
      p.engineer,
      `mutation($id: ID!) { proposePlannedDate(id: $id, plannedResolutionAt: "2025-07-24T18:00:00+05:00") { id } }`,
      { id: ids.proposed },
    );
    // working: triaged, assigned, the provider's turn.
    ids.working = await w.register(p, { title: 'working' });
    await ack(ids.working);
    await triage(ids.working);
    // solved: resolved, assigned, waiting for the customer's acceptance.
    ids.solved = await w.register(p, { title: 'solved' });
    await ack(ids.solved);
    await triage(ids.solved);
    await w.act(p.engineer, `mutation($id: ID!) { provideSolution(id: $id, solution: "Done") { id } }`, {
      id: ids.solved,
    });
    // closed: withdrawn, nobody assigned; no queue shows it as work.
    ids.closed = await w.register(p, { title: 'closed' });
    await w.act(p.customer, `mutation($id: ID!) { closeTicket(id: $id, reason: WITHDRAWN) { id } }`, {
      id: ids.closed,
    });
  });
  afterAll(async () => {
    await sys?.stop();
  });

  async function titles(filter: Record<string, unknown>, token = p.dispatcher): Promise<string[]> {
    const { tickets } = await sys.ok<{ tickets: { totalCount: number; edges: { node: { title: string } }[] } }>(
      `query($f: TicketFilter) { tickets(filter: $f, first: 50) { totalCount edges { node { title } } } }`,
      { f: { organizationId: p.organizationId, ...filter } },
      token,
    );
    expect(tickets.totalCount).toBe(tickets.edges.length);
    return tickets.edges.map((e) => e.node.title).sort();
  }

  it('unassigned: true lists what nobody took yet; false the assigned ones (R-TKT-8)', async () => {
    // Assigned at triage: working and solved; the rest have no assignee.
    expect(await titles({ unassigned: true })).toEqual(['asked', 'closed', 'fresh', 'proposed']);
    expect(await titles({ unassigned: true, status: ['REGISTERED', 'IN_ANALYSIS', 'AWAITING_CLARIFICATION'] })).toEqual(
      ['asked', 'fresh', 'proposed'],
    );
    expect(await titles({ unassigned: false })).toEqual(['solved', 'working']);
  });

  it("awaitingCustomer: true lists the customer's turn: a question, a solution to accept, a proposed date (R-TKT-9, R-TKT-11, 003)", async () => {
    expect(await titles({ awaitingCustomer: true })).toEqual(['asked', 'proposed', 'solved']);
    // The others: the provider's turn, or closed.
    expect(await titles({ awaitingCustomer: false })).toEqual(['closed', 'fresh', 'working']);
    // Combined with unassigned: the customer's turn on tickets nobody took yet.
    expect(await titles({ awaitingCustomer: true, unassigned: true })).toEqual(['asked', 'proposed']);
  });

  it('refuses a contradictory filter, and a customer sees only its own organization', async () => {
    const refused = await sys.gql(
      `query($a: ID!) { tickets(filter: { unassigned: true, assigneeId: $a }) { totalCount } }`,
      { a: p.engineerId },
      p.dispatcher,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const other = await w.customerUnder('kz-supplier');
    const { tickets } = await sys.ok<{ tickets: { totalCount: number } }>(
      `{ tickets(filter: { unassigned: true, awaitingCustomer: true }) { totalCount } }`,
      {},
      other.customer,
    );
    expect(tickets.totalCount).toBe(0);
    // The customer itself sees its own queue the same way.
    const own = await sys.ok<{ tickets: { totalCount: number } }>(
      `{ tickets(filter: { awaitingCustomer: true }) { totalCount } }`,
      {},
      p.customer,
    );
    expect(own.tickets.totalCount).toBe(3);
  });
});
