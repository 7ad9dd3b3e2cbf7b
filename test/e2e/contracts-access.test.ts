import { type AnyEventEnvelope } from '@reglament/shared/domain';
import { createLogger, NatsEventBus, type Stoppable } from '@reglament/shared/platform';
import { eventually } from '@reglament/shared/testing';
import { jwtVerify } from 'jose';
import { Seed } from '../support/seed';
import { TEST_JWT_SECRET, TestSystem } from '../support/system';

/**
 * R-ACC-1 and docs/api.md "Authentication and tokens" through the gateway: login issues the token the gateway accepts;
 * a contact of one organization can never act for, or see, another; a contract expires by the
 * shared clock and says so with an event.
 */
describe('contracts through the gateway: logins, tenant isolation, status by clock', () => {
  let sys: TestSystem;
  let admin: string;
  let bus: NatsEventBus;
  let tail: Stoppable;
  const events: AnyEventEnvelope[] = [];

  interface Tenant {
    orgId: string;
    contractId: string;
    contactId: string;
    token: string;
  }
  let a: Tenant;
  let b: Tenant;

  let seed: Seed;
  async function tenant(name: string, endsOn = '2025-12-31'): Promise<Tenant> {
    const customer = await seed.customer({
      preset: 'imc-typical',
      organization: { name, email: `it@${name}.example` },
      contact: { fullName: `Contact ${name}`, email: `me@${name}.example`, password: `secret-of-${name}` },
      contract: { number: `K-${name}`, startsOn: '2025-01-01', endsOn },
      login: true,
    });
    return {
      orgId: customer.organizationId,
      contractId: customer.contractId,
      contactId: customer.contactId,
      token: customer.token,
    };
  }

  beforeAll(async () => {
    sys = await TestSystem.start();
    seed = await Seed.on(sys, { clock: '2025-03-10T09:00:00+03:00' });
    admin = seed.admin;
    bus = await NatsEventBus.connect({
      url: sys.nats.url,
      prefix: sys.nats.prefix,
      name: 'test-tail',
      log: createLogger('t', 'silent'),
    });
    tail = await bus.tail({ domain: 'contracts', fromSeq: 1, onEvent: ({ event }) => void events.push(event) });
    a = await tenant('alpha');
    b = await tenant('beta', '2025-03-31');
  });
  afterAll(async () => {
    await tail?.stop();
    await bus?.close();
    await sys?.stop();
  });

  it('login issues a JWT the gateway accepts; me answers the caller', async () => {
    const { payload } = await jwtVerify(a.token, new TextEncoder().encode(TEST_JWT_SECRET));
    expect(payload).toMatchObject({ sub: a.contactId, role: 'CUSTOMER', org: a.orgId, name: 'Contact alpha' });
    const { me } = await sys.ok<{ me: unknown }>(`{ me { id role organizationId name email kind } }`, {}, a.token);
    expect(me).toEqual({
      id: a.contactId,
      role: 'CUSTOMER',
      organizationId: a.orgId,
      name: 'Contact alpha',
      email: 'me@alpha.example',
      kind: 'CONTACT',
    });
  });

  it('a wrong password and an unknown e-mail get the same answer', async () => {
    const wrong = await sys.gql(
      `mutation { login(email: "me@alpha.example", password: "not-the-password") { token } }`,
    );
    const unknown = await sys.gql(
      `mutation { login(email: "nobody@alpha.example", password: "not-the-password") { token } }`,
    );
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'Wrong e-mail or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'Wrong e-mail or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it("a contact of one organization can never see or act for another's", async () => {
    const reads = await sys.gql<{ organization: unknown; contract: unknown; contact: unknown }>(
      `query($o: ID!, $c: ID!, $p: ID!) { organization(id: $o) { id } contract(id: $c) { id } contact(id: $p) { id } }`,
      { o: b.orgId, c: b.contractId, p: b.contactId },
      a.token,
    );
    expect(reads.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);

    const lists = await sys.ok<{
      organizations: { totalCount: number; edges: { node: { id: string } }[] };
      contracts: { totalCount: number; edges: { node: { id: string } }[] };
    }>(
      `{ organizations { totalCount edges { node { id } } } contracts { totalCount edges { node { id } } } }`,
      {},
      a.token,
    );
    expect(lists.organizations.edges.map((e) => e.node.id)).toEqual([a.orgId]);
    expect(lists.contracts.edges.map((e) => e.node.id)).toEqual([a.contractId]);
    // Filtering by the other organization finds nothing rather than an error that confirms it.
    const filtered = await sys.ok<{ contracts: { totalCount: number } }>(
      `query($o: ID!) { contracts(filter: { organizationId: $o }) { totalCount } }`,
      { o: b.orgId },
      a.token,
    );
    expect(filtered.contracts.totalCount).toBe(0);

    const writes = await Promise.all([
      sys.gql(
        `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Mole", email: "mole@beta.example", password: "mole-password" }) { id } }`,
        { o: b.orgId },
        a.token,
      ),
      sys.gql(
        `mutation($o: ID!) { createContract(input: { organizationId: $o, number: "X", preset: "asmo", startsOn: "2025-01-01", endsOn: "2025-02-01" }) { id } }`,
        { o: b.orgId },
        a.token,
      ),
      sys.gql(
        `mutation($c: ID!) { recordPayment(contractId: $c, month: "2025-04") { id } }`,
        { c: b.contractId },
        a.token,
      ),
      sys.gql(`mutation($c: ID!) { suspendContract(id: $c, reason: "because") { id } }`, { c: b.contractId }, a.token),
      sys.gql(
        `mutation { addStaff(input: { fullName: "Me", email: "boss@alpha.example", role: ADMIN, password: "password-x" }) { id } }`,
        {},
        a.token,
      ),
    ]);
    expect(writes.map((w) => w.errors?.[0]?.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect(writes[0]!.errors?.[0]?.message).toBe(
      'A CUSTOMER may not register contacts; allowed roles: ADMIN, DISPATCHER',
    );
  });

  it('a deactivated contact can no longer log in', async () => {
    const other = await tenant('gamma');
    await sys.ok(`mutation($id: ID!) { deactivateContact(id: $id) { active } }`, { id: other.contactId }, admin);
    const result = await sys.gql(
      `mutation { login(email: "me@gamma.example", password: "secret-of-gamma") { token } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/^This login is deactivated/);
  });

  it('a contract expires when the shared clock passes its end date, with a status_changed event', async () => {
    // Beta's contract ends on 31 March 2025 (Moscow): expired from 1 April 00:00 Moscow.
    await sys.ok(`mutation { setClock(at: "2025-04-01T00:00:00+03:00") }`, {}, admin);
    const changed = await eventually(() =>
      events.find((e) => e.type === 'contracts.contract.status_changed' && e.data.contractId === b.contractId),
    );
    expect(changed.data).toMatchObject({
      previousStatus: 'ACTIVE',
      status: 'EXPIRED',
      endsOn: '2025-03-31',
      timeZone: 'Europe/Moscow',
    });
    expect(changed.occurredAt).toBe('2025-03-31T21:00:00.000Z');
    const { contract } = await sys.ok<{ contract: { status: string } }>(
      `query($id: ID!) { contract(id: $id) { status } }`,
      { id: b.contractId },
      b.token,
    );
    expect(contract.status).toBe('EXPIRED');
    // Alpha's runs to December: still active, no event.
    expect(
      events.some((e) => e.type === 'contracts.contract.status_changed' && e.data.contractId === a.contractId),
    ).toBe(false);
  });
});
