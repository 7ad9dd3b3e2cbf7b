import { eventually } from '@reglament/shared/testing';
import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, seed 004 "Пожелания": "Пожелания фиксируются для дальнейшего анализа" — wishes are
 * recorded for later analysis without an SLA clock (Ticket.kind WISH), and product managers list
 * them (tickets(filter: { kind: [WISH] })). infocraft-365's catalog service IC.7 is a wish by itself.
 */
describe('wishes without an SLA clock (004)', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let p: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    p = await w.customerUnder('infocraft-365');
    await w.clockAt('2025-09-10T10:00:00+03:00'); // Wed
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const sla = `query($id: ID!) { ticket(id: $id) { kind sla { state timers { metric } } } }`;

  it('004: a wish is recorded without a clock, while a request of the same customer has its clocks', async () => {
    const request = await w.register(p, { category: 'SUPPORT', title: 'How are penalties computed?' });
    // The request's reaction clock runs (4 working hours by default, R-CON-6) ...
    await eventually(async () => {
      const { ticket } = await sys.ok<{ ticket: { kind: string; sla: { timers: { metric: string }[] } } }>(
        sla,
        { id: request },
        w.admin,
      );
      return ticket.kind === 'REQUEST' && ticket.sla.timers.some((t) => t.metric === 'REACTION');
    });
    // ... the wish's never starts, and the IC.7 service makes a wish without saying so.
    const wish = await w.register(p, { kind: 'WISH', title: 'Export the register to Excel' });
    const byService = await w.register(p, { serviceCode: 'IC.7', title: 'A dark theme' });
    await w.clockAt('2025-09-10T15:00:00+03:00'); // past any 4 h reaction target
    for (const id of [wish, byService]) {
      const { ticket } = await sys.ok<{ ticket: { kind: string; sla: { state: string; timers: unknown[] } } }>(
        sla,
        { id },
        p.customer,
      );
      expect(ticket).toEqual({ kind: 'WISH', sla: { state: 'MET', timers: [] } });
    }
  });

  it('004: product managers list the wishes; a customer only its own; DUTY is not registered', async () => {
    const list = `query($f: TicketFilter) { tickets(filter: $f) { totalCount edges { node { title kind } } } }`;
    const { tickets } = await sys.ok<{ tickets: { totalCount: number; edges: { node: { title: string } }[] } }>(
      list,
      { f: { kind: ['WISH'], organizationId: p.organizationId } },
      w.admin,
    );
    expect(tickets.edges.map((e) => e.node.title).sort()).toEqual(['A dark theme', 'Export the register to Excel']);
    const other = await w.customerUnder('infocraft-365');
    const theirs = await sys.ok<{ tickets: { totalCount: number } }>(list, { f: { kind: ['WISH'] } }, other.customer);
    expect(theirs.tickets.totalCount).toBe(0);
    const refused = await sys.gql(
      `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "x", description: "y", kind: DUTY }) { id } }`,
      { c: p.contractId },
      p.customer,
    );
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'kind' },
    });
  });
});
