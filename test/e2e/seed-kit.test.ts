import { type SeededCustomer, Seed, type SeededStaff, type TicketState } from '../support/seed';
import { TestSystem } from '../support/system';

/**
 * The seeding kit the end-to-end tests build on (test/support/seed.ts): what it seeds is what
 * the API then shows, a ticket reaches each state it is asked for by the ordinary moves
 * (R-TKT-14), and two seeded customers are two tenants that see nothing of each other (R-ACC-1).
 */
describe('the seeding kit', () => {
  let sys: TestSystem;
  let seed: Seed;
  let team: { dispatcher: SeededStaff; engineer: SeededStaff };
  let customer: SeededCustomer;

  beforeAll(async () => {
    sys = await TestSystem.start();
    // Monday 3 March 2025, 10:00 Moscow: triage's default planned date (Friday 7 March) lies ahead.
    seed = await Seed.on(sys, { clock: '2025-03-03T10:00:00+03:00' });
    const staff = await seed.staffOfEachRole();
    team = { dispatcher: staff.DISPATCHER, engineer: staff.ENGINEER };
    customer = await seed.customer({ preset: 'asmo', contact: { password: 'correct-horse-battery' } });
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('seeds staff of each role and a customer that the API shows as given', async () => {
    const { staff } = await sys.ok<{ staff: { edges: { node: { role: string; active: boolean } }[] } }>(
      `{ staff(first: 10) { edges { node { role active } } } }`,
      {},
      seed.admin,
    );
    expect(staff.edges.map((e) => e.node).sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: 'ADMIN', active: true },
      { role: 'DISPATCHER', active: true },
      { role: 'ENGINEER', active: true },
    ]);
    const { contract } = await sys.ok<{ contract: { preset: string; startsOn: string; endsOn: string } }>(
      `query($id: ID!) { contract(id: $id) { preset startsOn endsOn } }`,
      { id: customer.contractId },
      customer.token,
    );
    // The kit's default period: the whole of 2025.
    expect(contract).toEqual({ preset: 'asmo', startsOn: '2025-01-01', endsOn: '2025-12-31' });
    // The contact's password works: logging in answers the same person.
    const { me } = await sys.ok<{ me: { id: string; role: string; organizationId: string } }>(
      `{ me { id role organizationId } }`,
      {},
      await seed.login(customer.email, 'correct-horse-battery'),
    );
    expect(me).toEqual({ id: customer.contactId, role: 'CUSTOMER', organizationId: customer.organizationId });
  });

  it.each<TicketState>(['REGISTERED', 'IN_ANALYSIS', 'IN_PROGRESS', 'AWAITING_CLARIFICATION', 'RESOLVED', 'CLOSED'])(
    'leaves a new ticket %s',
    async (state) => {
      const ticket = await seed.ticket(customer, { state, team });
      const { ticket: seen } = await sys.ok<{ ticket: { status: string; number: string } }>(
        `query($id: ID!) { ticket(id: $id) { status number } }`,
        { id: ticket.id },
        customer.token,
      );
      expect(seen).toEqual({ status: state, number: ticket.number });
    },
  );

  it('two seeded customers are two tenants: neither sees the other', async () => {
    const other = await seed.customer();
    const mine = await seed.ticket(customer);
    const result = await sys.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: mine.id }, other.token);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const contract = await sys.gql(
      `query($id: ID!) { contract(id: $id) { id } }`,
      { id: customer.contractId },
      other.token,
    );
    expect(contract.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
