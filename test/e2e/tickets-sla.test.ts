import { eventually } from '@reglament/shared/testing';
import { Seed } from '../support/seed';
import { TestSystem } from '../support/system';

/**
 * The tickets service and the SLA clock together, through the gateway on real PostgreSQL and
 * NATS: the clock's decisions reach the transition table as events (R-TKT-9, R-TKT-12,
 * R-SLA-11), and lists order and filter by what the SLA service says. The test clock only moves
 * forward, so the tests run in order.
 */
describe('tickets under the SLA clock', () => {
  let sys: TestSystem;
  let admin: string;
  let dispatcher: string;
  let engineer: string;
  let engineerId: string;
  let customers = 0;
  let seed: Seed;

  beforeAll(async () => {
    sys = await TestSystem.start();
    // Monday 3 March 2025, 10:00 Moscow (07:00Z).
    seed = await Seed.on(sys, { clock: '2025-03-03T10:00:00+03:00' });
    admin = seed.admin;
    dispatcher = (await seed.staff('DISPATCHER', { fullName: 'Dora Dispatcher', email: 'dispatcher@provider.example' }))
      .token;
    const egor = await seed.staff('ENGINEER', { fullName: 'Egor Engineer', email: 'engineer@provider.example' });
    engineerId = egor.id;
    engineer = egor.token;
  });
  afterAll(async () => {
    await sys?.stop();
  });

  async function customerUnder(preset: string) {
    customers++;
    const customer = await seed.customer({
      preset,
      organization: { name: `Customer ${customers}`, email: 'it@customer.example' },
      contact: {
        fullName: 'Pavel Customer',
        email: `pavel${customers}@customer.example`,
        password: 'correct-horse-battery',
      },
      contract: { number: 'C-1', startsOn: '2025-01-01', endsOn: '2025-12-31' },
    });
    const ticket = await seed.ticket(customer, {
      input: { title: 'Label printer stops', description: 'Stops after 20 labels' },
    });
    return { token: customer.token, ticket };
  }

  const move = (token: string, id: string, mutation: string) =>
    sys.gql(`mutation($id: ID!) { ${mutation} { status } }`, { id }, token);
  const ok = async (token: string, id: string, mutation: string) => {
    const result = await move(token, id, mutation);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  const lastEntry = async (id: string) => {
    const { ticket } = await sys.ok<{ ticket: { status: string; closeReason: string | null; history: unknown[] } }>(
      `query($id: ID!) { ticket(id: $id) { status closeReason history { type reason actorRole } } }`,
      { id },
      admin,
    );
    return { status: ticket.status, closeReason: ticket.closeReason, last: ticket.history.at(-1) };
  };
  const triage = (category: string, priority: string) =>
    `triageTicket(id: $id, input: { category: ${category}, priority: ${priority}, assigneeId: "${engineerId}",
       plannedResolutionAt: "2025-03-05T18:00:00+03:00" })`;

  let autoClosing: { token: string; ticket: { id: string } };
  let clarifying: { token: string; ticket: { id: string } };
  let breaching: { token: string; ticket: { id: string; number: string } };

  it('lists order by nearest SLA deadline as the SLA subgraph states it', async () => {
    autoClosing = await customerUnder('altec-8x5x4');
    clarifying = await customerUnder('imc-typical');
    breaching = await customerUnder('kz-supplier');
    await ok(dispatcher, autoClosing.ticket.id, `acknowledgeTicket(id: $id)`);
    await ok(dispatcher, autoClosing.ticket.id, triage('ERROR', 'URGENT'));
    await ok(engineer, autoClosing.ticket.id, `provideSolution(id: $id, solution: "Driver 4.2 installed")`);
    await ok(dispatcher, clarifying.ticket.id, `acknowledgeTicket(id: $id)`);
    await ok(engineer, clarifying.ticket.id, `requestClarification(id: $id, question: "Which printer model?")`);

    await eventually(async () => {
      const { tickets } = await sys.ok<{
        tickets: { edges: { node: { id: string; sla: { nextDeadline: string | null } } }[] };
      }>(
        `{ tickets(orderBy: SLA_DEADLINE, first: 100) { edges { node { id sla { nextDeadline } } } } }`,
        {},
        dispatcher,
      );
      const deadlines = tickets.edges.map((e) => e.node.sla.nextDeadline);
      // The order tickets gives equals the SLA subgraph's deadlines sorted, those without one last.
      const sorted = [...deadlines].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
      expect(deadlines).toEqual(sorted);
      expect(deadlines.filter((d) => d !== null)).toHaveLength(3);
      return true;
    });
  });

  it('R-TKT-9: NO_CLARIFICATION is refused until the customer’s 3 working days have passed', async () => {
    const early = await move(dispatcher, clarifying.ticket.id, `closeTicket(id: $id, reason: NO_CLARIFICATION)`);
    expect(early.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(early.errors?.[0]?.message).toContain('clarification deadline has not passed');
  });

  it('R-SLA-11: a breached kz-supplier deadline blocks closing until its failure report is written', async () => {
    // kz-supplier: term agreement within 2 working hours (09:00-18:00 Almaty, UTC+5). Registered
    // 12:00 Almaty -> due 14:00 Almaty. Four hours later (16:00 Almaty) it is breached.
    await sys.ok(`mutation { advanceClock(minutes: 240) }`, {}, admin);
    await eventually(async () => {
      const { tickets } = await sys.ok<{ tickets: { edges: { node: { id: string } }[] } }>(
        `{ tickets(filter: { breached: true }) { edges { node { id } } } }`,
        {},
        breaching.token,
      );
      return tickets.edges.some((e) => e.node.id === breaching.ticket.id);
    });
    await ok(dispatcher, breaching.ticket.id, `acknowledgeTicket(id: $id)`);
    await ok(dispatcher, breaching.ticket.id, triage('ERROR', 'HIGH'));
    await ok(engineer, breaching.ticket.id, `provideSolution(id: $id, solution: "Firmware updated")`);
    const blocked = await move(breaching.token, breaching.ticket.id, `acceptSolution(id: $id)`);
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: 'RESOLVED' });
    expect(blocked.errors?.[0]?.message).toContain('failure report');
    expect((await lastEntry(breaching.ticket.id)).status).toBe('RESOLVED');

    await sys.ok(
      `mutation($id: ID!) { submitFailureReport(ticketId: $id, causes: "Engineer on another site",
         measures: "Second engineer on call") { id } }`,
      { id: breaching.ticket.id },
      engineer,
    );
    await eventually(async () => !(await move(breaching.token, breaching.ticket.id, `acceptSolution(id: $id)`)).errors);
    expect(await lastEntry(breaching.ticket.id)).toMatchObject({ status: 'CLOSED', closeReason: 'ACCEPTED' });
  });

  it('R-TKT-9: after the deadline the provider may close for want of clarification', async () => {
    // Asked Mon 3 March 10:00 Moscow; 3 working days -> Thu 6 March 10:00. Now Mon 14:00; to Thu 12:00
    // is 3 days minus 2 hours = 70 hours = 4200 minutes.
    await sys.ok(`mutation { advanceClock(minutes: 4200) }`, {}, admin);
    await eventually(
      async () =>
        !(await move(dispatcher, clarifying.ticket.id, `closeTicket(id: $id, reason: NO_CLARIFICATION)`)).errors,
    );
    expect(await lastEntry(clarifying.ticket.id)).toEqual({
      status: 'CLOSED',
      closeReason: 'NO_CLARIFICATION',
      last: { type: 'CLOSED', reason: 'NO_CLARIFICATION', actorRole: 'DISPATCHER' },
    });
  });

  it('R-TKT-12: a solution left unanswered for 14 days closes by itself as AUTO_CLOSED', async () => {
    expect((await lastEntry(autoClosing.ticket.id)).status).toBe('RESOLVED');
    // Resolved Mon 3 March 10:00 Moscow -> due Mon 17 March 10:00. Now Thu 6 March 12:00: 10 days
    // 22 hours later = 14,400 + 1,320 = 15,720 minutes.
    await sys.ok(`mutation { advanceClock(minutes: 15720) }`, {}, admin);
    await eventually(async () => (await lastEntry(autoClosing.ticket.id)).status === 'CLOSED', { timeoutMs: 20_000 });
    expect(await lastEntry(autoClosing.ticket.id)).toEqual({
      status: 'CLOSED',
      closeReason: 'AUTO_CLOSED',
      last: { type: 'CLOSED', reason: 'AUTO_CLOSED', actorRole: 'SYSTEM' },
    });
  });
});
