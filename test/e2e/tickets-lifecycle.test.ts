import { Seed } from '../support/seed';
import { type GraphQLResponse, TestSystem } from '../support/system';

/**
 * Done-when of the tickets issue, end to end through the gateway on real PostgreSQL and NATS:
 * the lifecycle of each of the five presets walked by the right roles (R-TKT-14), each step
 * visible in the ticket's history as the customer sees it (R-TKT-13), and every bad input or
 * illegal move answered with a typed error that changes nothing.
 */

interface HistoryEntry {
  type: string;
  transition: string | null;
  from: string | null;
  to: string | null;
  actorRole: string;
}

interface TicketView {
  status: string;
  version: number;
  history: HistoryEntry[];
}

const VIEW = `query($id: ID!) { ticket(id: $id) { status version history { type transition from to actorRole } } }`;

interface Customer {
  organizationId: string;
  contractId: string;
  contactId: string;
  token: string;
}

interface PresetWalk {
  preset: string;
  category: string;
  priority: string;
  /** Whether triage needs a planned date (R-TKT-10; not for release-bound targets, R-SLA-7). */
  planned: boolean;
  /** kz-supplier (003): the customer asks for an engineer on site. */
  onSite?: boolean;
}

// Written out from docs/domain.md: imc-typical Error/Normal resolves by the next planned update (R-SLA-4);
// asmo Low is the provider's agreed date (R-SLA-6); altec priority 1 is Urgent (R-SLA-5).
const WALKS: PresetWalk[] = [
  { preset: 'imc-typical', category: 'ERROR', priority: 'NORMAL', planned: false },
  { preset: 'asmo', category: 'ERROR', priority: 'LOW', planned: true },
  { preset: 'altec-8x5x4', category: 'ERROR', priority: 'URGENT', planned: true },
  { preset: 'kz-supplier', category: 'ERROR', priority: 'HIGH', planned: true, onSite: true },
  { preset: 'infocraft-365', category: 'SUPPORT', priority: 'NORMAL', planned: true },
];

describe('ticket lifecycles of the five presets through the gateway', () => {
  let sys: TestSystem;
  let admin: string;
  let dispatcher: string;
  let engineer: string;
  let engineerId: string;
  let seed: Seed;

  beforeAll(async () => {
    sys = await TestSystem.start();
    // Monday 3 March 2025, 10:00 Moscow.
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

  /** An organization with a contact and a contract under `preset`, created through the contracts API. */
  let customers = 0;
  async function customerUnder(preset: string): Promise<Customer> {
    customers++;
    const customer = await seed.customer({
      preset,
      organization: { name: `Customer under ${preset}`, email: 'it@customer.example' },
      contact: {
        fullName: 'Irina Customer',
        email: `irina${customers}@customer.example`,
        phone: '+7 900 000-00-00',
        password: 'correct-horse-battery',
      },
      contract: { number: 'C-1', startsOn: '2025-01-01', endsOn: '2025-12-31' },
    });
    return {
      organizationId: customer.organizationId,
      contractId: customer.contractId,
      contactId: customer.contactId,
      token: customer.token,
    };
  }

  /** Registers as the customer once tickets has learned the contract and the contact from contracts' events. */
  function register(customer: Customer, title = 'Posting fails'): Promise<{ id: string; number: string }> {
    return seed.ticket(customer, { input: { title, description: 'Error 42 when posting an invoice' } });
  }

  async function view(id: string, token: string): Promise<TicketView> {
    return (await sys.ok<{ ticket: TicketView }>(VIEW, { id }, token)).ticket;
  }

  /** Makes a move and checks, as the customer sees it, exactly the entries it adds to the history. */
  async function step(
    ticketId: string,
    customer: Customer,
    token: string,
    mutation: string,
    added: HistoryEntry[],
    variables: Record<string, unknown> = {},
  ): Promise<void> {
    const before = await view(ticketId, customer.token);
    await sys.ok(
      `mutation($id: ID!${declared(variables)}) { ${mutation} { __typename } }`,
      { id: ticketId, ...variables },
      token,
    );
    const after = await view(ticketId, customer.token);
    expect(after.history).toEqual([...before.history, ...added]);
  }

  /** A refused request: typed error, and the ticket is exactly as before. */
  async function refused(ticketId: string, token: string, query: string, variables: Record<string, unknown> = {}) {
    const before = await view(ticketId, admin);
    const result: GraphQLResponse = await sys.gql(query, { id: ticketId, ...variables }, token);
    expect(result.errors).toHaveLength(1);
    expect(await view(ticketId, admin)).toEqual(before);
    return result.errors![0]!;
  }

  const status = (transition: string, from: string, to: string, actorRole: string): HistoryEntry => ({
    type: 'STATUS_CHANGED',
    transition,
    from,
    to,
    actorRole,
  });

  it.each(WALKS)('$preset: registered, analysed, clarified, solved, returned, solved, accepted', async (walk) => {
    const customer = await customerUnder(walk.preset);
    const ticket = await register(customer);
    expect(ticket.number).toMatch(/^T-2025-\d{6}$/);
    expect((await view(ticket.id, customer.token)).history).toEqual([
      { type: 'REGISTERED', transition: null, from: null, to: 'REGISTERED', actorRole: 'CUSTOMER' },
    ]);

    await step(ticket.id, customer, dispatcher, `acknowledgeTicket(id: $id, message: "We are on it")`, [
      status('ACKNOWLEDGE', 'REGISTERED', 'IN_ANALYSIS', 'DISPATCHER'),
    ]);

    // 10:00 Moscow on Friday 7 March = 07:00Z.
    const plannedAt = '2025-03-07T10:00:00+03:00';
    await step(
      ticket.id,
      customer,
      dispatcher,
      `triageTicket(id: $id, input: { category: ${walk.category}, priority: ${walk.priority}, assigneeId: $a
         ${walk.planned ? `, plannedResolutionAt: "${plannedAt}"` : ''} })`,
      [
        {
          type: 'CLASSIFIED',
          transition: null,
          from: null,
          to: `${walk.category}/${walk.priority}`,
          actorRole: 'DISPATCHER',
        },
        { type: 'ASSIGNED', transition: null, from: null, to: engineerId, actorRole: 'DISPATCHER' },
        ...(walk.planned
          ? [
              {
                type: 'PLANNED_DATE_CHANGED',
                transition: null,
                from: null,
                to: '2025-03-07T07:00:00.000Z',
                actorRole: 'DISPATCHER',
              },
            ]
          : []),
        status('TRIAGE', 'IN_ANALYSIS', 'IN_PROGRESS', 'DISPATCHER'),
      ],
      { a: engineerId },
    );

    if (walk.onSite) {
      await step(ticket.id, customer, customer.token, `requestOnSiteVisit(id: $id, note: "Warehouse 2")`, [
        { type: 'ON_SITE_REQUESTED', transition: null, from: null, to: null, actorRole: 'CUSTOMER' },
      ]);
      await step(ticket.id, customer, engineer, `recordOnSiteArrival(id: $id)`, [
        { type: 'ON_SITE_ARRIVED', transition: null, from: null, to: null, actorRole: 'ENGINEER' },
      ]);
    }

    // An internal note: the engineer's colleagues see it, the customer's history does not change.
    await step(
      ticket.id,
      customer,
      engineer,
      `addMessage(ticketId: $id, body: "Known defect 7731", internal: true)`,
      [],
    );
    await step(ticket.id, customer, engineer, `requestClarification(id: $id, question: "Which release do you run?")`, [
      status('REQUEST_CLARIFICATION', 'IN_PROGRESS', 'AWAITING_CLARIFICATION', 'ENGINEER'),
    ]);
    await step(ticket.id, customer, customer.token, `answerClarification(id: $id, answer: "2.4.0")`, [
      status('ANSWER_CLARIFICATION', 'AWAITING_CLARIFICATION', 'IN_PROGRESS', 'CUSTOMER'),
    ]);
    await step(ticket.id, customer, engineer, `provideSolution(id: $id, solution: "Fixed in 2.4.1")`, [
      status('PROVIDE_SOLUTION', 'IN_PROGRESS', 'RESOLVED', 'ENGINEER'),
    ]);
    await step(ticket.id, customer, customer.token, `returnSolution(id: $id, remarks: "Still fails on credit notes")`, [
      status('RETURN_SOLUTION', 'RESOLVED', 'IN_PROGRESS', 'CUSTOMER'),
    ]);
    await step(ticket.id, customer, engineer, `provideSolution(id: $id, solution: "Credit notes fixed in 2.4.2")`, [
      status('PROVIDE_SOLUTION', 'IN_PROGRESS', 'RESOLVED', 'ENGINEER'),
    ]);
    await step(ticket.id, customer, customer.token, `acceptSolution(id: $id)`, [
      { type: 'CLOSED', transition: 'ACCEPT_SOLUTION', from: 'RESOLVED', to: 'CLOSED', actorRole: 'CUSTOMER' },
    ]);

    // The staff see the internal note in the history the customer never saw; the ticket reaches other subgraphs.
    const final = await sys.ok<{
      ticket: {
        status: string;
        closeReason: string;
        reworkCount: number;
        contract: { id: string } | null;
        messages: { body: string; internal: boolean }[];
      };
    }>(
      `query($id: ID!) { ticket(id: $id) { status closeReason reworkCount contract { id } messages { body internal } } }`,
      { id: ticket.id },
      dispatcher,
    );
    expect(final.ticket).toMatchObject({ status: 'CLOSED', closeReason: 'ACCEPTED', reworkCount: 1 });
    expect(final.ticket.contract).toEqual({ id: customer.contractId });
    expect(final.ticket.messages.filter((m) => m.internal).map((m) => m.body)).toEqual(['Known defect 7731']);
    const seenByCustomer = await sys.ok<{ ticket: { messages: { body: string }[] } }>(
      `query($id: ID!) { ticket(id: $id) { messages { body } } }`,
      { id: ticket.id },
      customer.token,
    );
    expect(seenByCustomer.ticket.messages.map((m) => m.body)).toEqual([
      'We are on it',
      'Which release do you run?',
      '2.4.0',
      'Fixed in 2.4.1',
      'Still fails on credit notes',
      'Credit notes fixed in 2.4.2',
    ]);
  });

  it('every bad input or illegal move gets a typed error and changes nothing', async () => {
    const customer = await customerUnder('asmo');
    const ticket = await register(customer, 'Report prints blank');
    const move = (m: string) => `mutation($id: ID!) { ${m} { id } }`;

    // Wrong role.
    expect((await refused(ticket.id, customer.token, move(`acknowledgeTicket(id: $id)`))).extensions?.code).toBe(
      'FORBIDDEN',
    );
    // Wrong status: the refusal names the status and the moves it allows.
    const early = await refused(ticket.id, engineer, move(`provideSolution(id: $id, solution: "x")`));
    expect(early.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'REGISTERED',
      allowedMoves: [
        'ACKNOWLEDGE',
        'CLOSE',
        'CHANGE_PRIORITY',
        'ASSIGN',
        'ADD_MESSAGE',
        'ADD_ATTACHMENT',
        'REQUEST_ON_SITE',
        // issue 18: the term agreement (003 item 2), reclassification (R-SLA-10), a product failure (003 §7).
        'PROPOSE_PLANNED_DATE',
        'CHANGE_CATEGORY',
        'MARK_AS_FAILURE',
      ],
    });
    expect(early.message).toBe(
      `Ticket ${ticket.number} is REGISTERED: provideSolution is allowed only from IN_PROGRESS. Allowed from REGISTERED: ` +
        'acknowledgeTicket, closeTicket, changePriority, assignTicket, addMessage, addAttachment, requestOnSiteVisit, ' +
        'proposePlannedDate, changeCategory, markAsFailure',
    );
    await sys.ok(move(`acknowledgeTicket(id: $id)`), { id: ticket.id }, dispatcher);
    // asmo Low: the provider's planned date is the deadline, so triage needs it (R-SLA-6, R-TKT-10).
    const undated = await refused(
      ticket.id,
      dispatcher,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: LOW, assigneeId: $a }) { id } }`,
      { a: engineerId },
    );
    expect(undated.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedResolutionAt' });
    // Not a date at all.
    const garbled = await refused(
      ticket.id,
      dispatcher,
      `mutation($id: ID!, $a: ID!, $at: DateTime) { triageTicket(id: $id, input: { category: ERROR, priority: LOW,
         assigneeId: $a, plannedResolutionAt: $at }) { id } }`,
      { a: engineerId, at: 'next Friday' },
    );
    expect(garbled.extensions?.code).toBe('BAD_USER_INPUT');
    // An enum value that does not exist.
    expect(
      (await refused(ticket.id, dispatcher, move(`changePriority(id: $id, priority: CRITICAL)`))).extensions?.code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    // Closing for want of clarification before any was even asked.
    expect(
      (await refused(ticket.id, dispatcher, move(`closeTicket(id: $id, reason: NO_CLARIFICATION)`))).extensions?.code,
    ).toBe('INVALID_TRANSITION');
    // Not an id / nobody's ticket.
    const malformed = await sys.gql(`mutation { acceptSolution(id: "T-2025-000001") { id } }`, {}, customer.token);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nobody = await sys.gql(
      `mutation { acceptSolution(id: "00000000-0000-7000-8000-00000000beef") { id } }`,
      {},
      customer.token,
    );
    expect(nobody.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // No token at all.
    const anonymous = await sys.gql(move(`acknowledgeTicket(id: $id)`), { id: ticket.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(await view(ticket.id, customer.token)).toMatchObject({ status: 'IN_ANALYSIS', version: 2 });
  });

  it('a customer of another organization gets nothing: by id, by number, by list, and cannot act', async () => {
    const a = await customerUnder('imc-typical');
    const b = await customerUnder('imc-typical');
    const ticket = await register(a, 'Only for A');
    const mine = await register(b, 'Only for B');
    const byId = await sys.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: ticket.id }, b.token);
    expect(byId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byNumber = await sys.gql(
      `query($n: String!) { ticketByNumber(number: $n) { id } }`,
      { n: ticket.number },
      b.token,
    );
    expect(byNumber.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await sys.ok<{ tickets: { totalCount: number; edges: { node: { number: string } }[] } }>(
      `{ tickets(first: 100) { totalCount edges { node { number } } } }`,
      {},
      b.token,
    );
    expect(list.tickets.edges.map((e) => e.node.number)).toEqual([mine.number]);
    expect(list.tickets.totalCount).toBe(1);
    const reach = await sys.gql(
      `query($org: ID!) { tickets(filter: { organizationId: $org }) { totalCount } }`,
      { org: a.organizationId },
      b.token,
    );
    expect(reach.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const act = await sys.gql(
      `mutation($id: ID!) { addMessage(ticketId: $id, body: "hello?") { id } }`,
      { id: ticket.id },
      b.token,
    );
    expect(act.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

function declared(variables: Record<string, unknown>): string {
  return Object.keys(variables)
    .map((name) => `, $${name}: ID!`)
    .join('');
}
