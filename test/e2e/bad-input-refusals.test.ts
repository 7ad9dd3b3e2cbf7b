import { Seed } from '../support/seed';
import { mintToken, TestSystem } from '../support/system';

/**
 * Bad input at the edges of the API (over-long names, malformed codes and cursors, far-future
 * instants, unknown presets), each refused with a typed error that says what is allowed and
 * changing nothing; and compliance reports that tell a customer nothing of another organization.
 */
describe('bad input refused with typed errors, and compliance scoped to the caller', () => {
  let sys: TestSystem;
  let admin: string;
  let customerA: string;
  let contractA: string;
  let contractB: string;

  async function register(token: string, input: Record<string, unknown>) {
    return sys.gql<{ registerTicket: { id: string } }>(
      `mutation($i: RegisterTicketInput!) { registerTicket(input: $i) { id } }`,
      { i: { channel: 'PORTAL', title: 'Posting fails', description: 'Error 500 on posting', ...input } },
      token,
    );
  }

  async function ticketCount(token: string): Promise<number> {
    const { tickets } = await sys.ok<{ tickets: { totalCount: number } }>(`{ tickets { totalCount } }`, {}, token);
    return tickets.totalCount;
  }

  beforeAll(async () => {
    sys = await TestSystem.start();
    const seed = await Seed.on(sys, { clock: '2025-06-02T10:00:00+03:00' });
    admin = seed.admin;
    const customerOf = (name: string, domain: string) =>
      seed.customer({
        preset: 'asmo',
        organization: { name, email: `it@${domain}` },
        contact: { fullName: 'Anna Petrova', email: `anna@${domain}` },
        contract: { number: `C-${domain}`, startsOn: '2025-01-01', endsOn: '2026-12-31' },
      });
    const a = await customerOf('Alpha', 'alpha.example');
    const b = await customerOf('Beta', 'beta.example');
    customerA = a.token;
    contractA = a.contractId;
    contractB = b.contractId;
    // Tickets learns contracts from events: the kit waits until A can register.
    await seed.ticket(a, { input: { title: 'Posting fails', description: 'Error 500 on posting' } });
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('a product name longer than 200 characters is refused at registration with BAD_USER_INPUT', async () => {
    const before = await ticketCount(customerA);
    const result = await register(customerA, { contractId: contractA, product: 'P'.repeat(201) });
    expect(result.errors?.[0]).toMatchObject({
      message: 'product must be at most 200 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'product' },
    });
    expect(await ticketCount(customerA)).toBe(before);
  });

  it('a service code that is not shaped like a catalog code is refused, naming examples', async () => {
    const result = await register(customerA, { contractId: contractA, serviceCode: 'NO-SUCH-SERVICE' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceCode' });
    expect(result.errors?.[0]?.message).toMatch(/like 4\.2, 6\.2\.1 or IC\.3/);
  });

  it('a customer cannot file internal attachments at registration, as with addAttachment', async () => {
    const before = await ticketCount(customerA);
    const result = await register(customerA, {
      contractId: contractA,
      attachments: [{ name: 'a.txt', contentType: 'text/plain', contentBase64: 'YQ==', internal: true }],
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/Internal files are for provider staff only/);
    expect(await ticketCount(customerA)).toBe(before);
  });

  it('instants beyond 9999 and release dates more than 10 years away are refused', async () => {
    const far = await sys.gql(
      `mutation($at: DateTime!) { scheduleRelease(input: { product: "P1", kind: UNPLANNED, plannedAt: $at }) { id } }`,
      { at: '9999-12-31T23:00:00-12:00' },
      admin,
    );
    expect(far.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(far.errors?.[0]?.message).toMatch(
      /out of range: instants from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z/,
    );
    // Written into the operation, the same value fails validation, with the same reason.
    const literal = await sys.gql(
      `mutation { scheduleRelease(input: { product: "P1", kind: UNPLANNED, plannedAt: "9999-12-31T23:00:00-12:00" }) { id } }`,
      {},
      admin,
    );
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toMatch(/out of range/);
    // 2025-06-02 + 11 years.
    const eleven = await sys.gql(
      `mutation { scheduleRelease(input: { product: "P1", kind: UNPLANNED, plannedAt: "2036-06-02T10:00:00+03:00" }) { id } }`,
      {},
      admin,
    );
    expect(eleven.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedAt' });
    expect(eleven.errors?.[0]?.message).toMatch(/plannedAt must be within 10 years of now/);
    const { releases } = await sys.ok<{ releases: unknown[] }>(`{ releases(product: "P1") { id } }`, {}, admin);
    expect(releases).toEqual([]);
    const backwards = await sys.gql(
      `{ releases(from: "2025-07-01T00:00:00Z", to: "2025-06-01T00:00:00Z") { id } }`,
      {},
      admin,
    );
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("slaCompliance tells a customer nothing about another organization's contract, whatever the window", async () => {
    for (const [from, to] of [
      ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
      ['2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'],
    ]) {
      const result = await sys.gql(
        `query($c: ID!, $f: DateTime!, $t: DateTime!) { slaCompliance(contractId: $c, from: $f, to: $t) { metric } }`,
        { c: contractB, f: from, t: to },
        customerA,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const unknown = await sys.gql(
      `{ slaCompliance(contractId: "01950000-0000-7000-8000-0000000000ff", from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { metric } }`,
      {},
      customerA,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Its own contract: a report (nothing stopped yet in this window).
    const own = await sys.ok<{ slaCompliance: unknown[] }>(
      `query($c: ID!) { slaCompliance(contractId: $c, from: "2020-01-01T00:00:00Z", to: "2020-02-01T00:00:00Z") { metric } }`,
      { c: contractA },
      customerA,
    );
    expect(own.slaCompliance).toEqual([]);
  });

  it('crafted list cursors are BAD_USER_INPUT, not internal errors', async () => {
    const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const tickets = await sys.gql(
      `query($a: String) { tickets(after: $a) { totalCount } }`,
      { a: cursor({ o: 'REGISTERED_AT', at: '1', id: '01950000-0000-7000-8000-000000000001' }) },
      customerA,
    );
    expect(tickets.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const notifications = await sys.gql(
      `query($a: String) { myNotifications(after: $a) { totalCount } }`,
      { a: cursor({ id: 'x' }) },
      customerA,
    );
    expect(notifications.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a tool token whose subject is not a UUID has an empty inbox', async () => {
    const wallboard = await mintToken({ sub: 'wallboard-1', role: 'DISPATCHER' });
    const { myNotifications } = await sys.ok<{ myNotifications: { totalCount: number } }>(
      `{ myNotifications { totalCount } }`,
      {},
      wallboard,
    );
    expect(myNotifications.totalCount).toBe(0);
    const { markNotificationsRead } = await sys.ok<{ markNotificationsRead: number }>(
      `mutation { markNotificationsRead(ids: ["01950000-0000-7000-8000-000000000001"]) }`,
      {},
      wallboard,
    );
    expect(markNotificationsRead).toBe(0);
  });

  it('rebuilding the clocks of an unknown preset is refused, naming the presets', async () => {
    const result = await sys.gql(`mutation { rebuildOpenTicketsSla(preset: "no-such") }`, {}, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/preset must be one of .*asmo/);
  });
});
