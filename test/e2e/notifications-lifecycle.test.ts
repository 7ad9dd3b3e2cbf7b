import { eventually } from '@reglament/shared/testing';
import { adminToken, seedCustomer, type SeededCustomer } from '../../gateway/test/support/seed';
import { mintToken, TestSystem } from '../support/system';

type Inbox = { myNotifications: { edges: { node: { kind: string; title: string; ticketId: string | null } }[] } };

/**
 * A ticket walked through its lifecycle through the gateway (imc-typical), on real PostgreSQL
 * and NATS: the right notifications reach the right people in the portal and by e-mail (R-NTF-1,
 * R-TKT-1, R-TKT-9, R-TKT-12), in the language the contact chose herself, without the e-mails
 * she turned off; internal messages reach no customer, another organization gets nothing, and
 * the delivery log shows every delivery.
 */
describe('notifications: a lifecycle walk through the gateway', () => {
  let sys: TestSystem;
  let admin: string;
  let dispatcher: string;
  let engineer: string;
  let engineerId: string;
  let acme: SeededCustomer;
  let globex: SeededCustomer;

  const call = async (query: string, variables: Record<string, unknown>, token: string) =>
    sys.ok(query, variables, token);
  const kinds = async (token: string, ticketId: string) =>
    (
      await sys.ok<Inbox>(`{ myNotifications(first: 100) { edges { node { kind title ticketId } } } }`, {}, token)
    ).myNotifications.edges
      .filter((e) => e.node.ticketId === ticketId)
      .map((e) => e.node)
      .reverse();

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await adminToken();
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    const staff = async (role: string, name: string) =>
      (
        await sys.ok<{ addStaff: { id: string } }>(
          `mutation($r: Role!, $n: String!, $e: String!) { addStaff(input: { fullName: $n, email: $e, role: $r,
             password: "correct horse battery staple" }) { id } }`,
          { r: role, n: name, e: `${name.split(' ')[0]!.toLowerCase()}@provider.example` },
          admin,
        )
      ).addStaff.id;
    const dispatcherId = await staff('DISPATCHER', 'Dora Dispatcher');
    engineerId = await staff('ENGINEER', 'Egor Engineer');
    dispatcher = await mintToken({ sub: dispatcherId, role: 'DISPATCHER', name: 'Dora Dispatcher' });
    engineer = await mintToken({ sub: engineerId, role: 'ENGINEER', name: 'Egor Engineer' });
    acme = await seedCustomer(sys, admin, 'Acme');
    globex = await seedCustomer(sys, admin, 'Globex');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it("a contact sets her own language and e-mail preferences; legally required kinds cannot be turned off; nobody sets another's", async () => {
    const set = `mutation($id: ID!, $l: String, $off: [String!]) { updateContact(id: $id, input: { language: $l, emailOff: $off }) {
        language emailOff } }`;
    const mine = await sys.ok<{ updateContact: { language: string; emailOff: string[] } }>(
      set,
      { id: acme.contactId, l: 'EN', off: ['MESSAGE_ADDED'] },
      acme.token,
    );
    expect(mine.updateContact).toEqual({ language: 'EN', emailOff: ['MESSAGE_ADDED'] });
    const required = await sys.gql(set, { id: acme.contactId, off: ['SOLUTION_PROVIDED'] }, acme.token);
    expect(required.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(required.errors?.[0]?.message).toContain('SOLUTION_PROVIDED cannot be turned off');
    const unknown = await sys.gql(set, { id: acme.contactId, l: 'DE' }, acme.token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const foreign = await sys.gql(set, { id: acme.contactId, l: 'RU' }, globex.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notOnlyPreferences = await sys.gql(
      `mutation($id: ID!) { updateContact(id: $id, input: { language: "RU", active: false }) { active } }`,
      { id: acme.contactId },
      acme.token,
    );
    expect(notOnlyPreferences.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('registered -> analysis -> triage -> clarification -> answer -> messages -> solution -> accepted', async () => {
    const ticket = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string; number: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Invoices fail",
           description: "Posting fails" }) { id number } }`,
        { c: acme.contractId },
        acme.token,
      );
      return result.data?.registerTicket;
    });
    const id = ticket.id;
    await call(`mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id }, dispatcher);
    await eventually(async () => {
      const r = await sys.gql(
        `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: NORMAL, assigneeId: $a,
           plannedResolutionAt: "2025-03-10T15:00:00Z" }) { id } }`,
        { id, a: engineerId },
        dispatcher,
      );
      return !r.errors;
    });
    await call(
      `mutation($id: ID!) { requestClarification(id: $id, question: "Which ledger?") { id } }`,
      { id },
      engineer,
    );
    await call(
      `mutation($id: ID!) { answerClarification(id: $id, answer: "The main one") { id } }`,
      { id },
      acme.token,
    );
    await call(`mutation($id: ID!) { addMessage(ticketId: $id, body: "Found it") { id } }`, { id }, engineer);
    await call(
      `mutation($id: ID!) { addMessage(ticketId: $id, body: "Vendor bug", internal: true) { id } }`,
      { id },
      engineer,
    );
    await call(
      `mutation($id: ID!) { provideSolution(id: $id, solution: "Patched the ledger") { id } }`,
      { id },
      engineer,
    );
    await call(`mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id }, acme.token);

    // The requester (English): every step she did not take herself; never the internal message.
    const expectedCustomer = [
      'TICKET_REGISTERED',
      'STATUS_CHANGED', // acknowledged
      'ASSIGNED',
      'PLANNED_DATE_CHANGED',
      'STATUS_CHANGED', // triaged: in progress
      'CLARIFICATION_REQUESTED',
      'MESSAGE_ADDED',
      'SOLUTION_PROVIDED',
    ];
    const customer = await eventually(async () => {
      const got = await kinds(acme.token, id);
      return got.length >= expectedCustomer.length ? got : null;
    });
    expect(customer.map((n) => n.kind).sort()).toEqual([...expectedCustomer].sort());
    expect(customer.find((n) => n.kind === 'CLARIFICATION_REQUESTED')!.title).toBe(
      `Ticket ${ticket.number}: clarification needed`,
    );
    expect(customer.find((n) => n.kind === 'SOLUTION_PROVIDED')!.title).toBe(
      `Ticket ${ticket.number}: solution provided`,
    );

    // The engineer: the assignment and the customer's answer; the dispatcher: the new ticket.
    const expectedEngineer = ['ASSIGNED', 'CLARIFICATION_ANSWERED'];
    const egor = await eventually(async () => {
      const got = await kinds(engineer, id);
      return got.length >= expectedEngineer.length ? got : null;
    });
    expect(egor.map((n) => n.kind).sort()).toEqual(expectedEngineer);
    expect((await kinds(dispatcher, id)).map((n) => n.kind)).toEqual(['TICKET_REGISTERED']);
    expect(await kinds(globex.token, id)).toEqual([]);

    // E-mail: one per customer notification except the kind she turned off, all sent (.eml files here).
    type Log = { deliveries: { edges: { node: { kind: string; status: string; recipient: string } }[] } };
    const emails = await eventually(async () => {
      const log = await sys.ok<Log>(
        `query($t: ID) { deliveries(first: 100, filter: { ticketId: $t, channel: EMAIL }) { edges { node { kind status recipient } } } }`,
        { t: id },
        admin,
      );
      const nodes = log.deliveries.edges.map((e) => e.node);
      return nodes.length > 0 && nodes.every((n) => n.status === 'SENT') ? nodes : null;
    });
    const toCustomer = emails.filter(
      (e) => e.recipient.endsWith('.example') && !e.recipient.endsWith('provider.example'),
    );
    expect(toCustomer.map((e) => e.kind).sort()).toEqual(expectedCustomer.filter((k) => k !== 'MESSAGE_ADDED').sort());
    const inApp = await sys.ok<Log>(
      `query($t: ID) { deliveries(first: 100, filter: { ticketId: $t, channel: IN_APP }) { edges { node { kind status recipient } } } }`,
      { t: id },
      admin,
    );
    expect(inApp.deliveries.edges).toHaveLength(expectedCustomer.length + expectedEngineer.length + 1);
  });
});
