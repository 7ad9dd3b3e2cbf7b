import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, ensurePrivateDir, MemoryEventBus } from '@reglament/shared/platform';
import { eventually } from '@reglament/shared/testing';
import { adminToken, seedCustomer } from '../../gateway/test/support/seed';
import { startReplica } from '../../gateway/test/support/gateways';
import { mintToken, TestSystem } from '../support/system';

/** Issue 11, finding 9: listening addresses, private data folders, releases per product, invisible characters. */
describe('hygiene', () => {
  let sys: TestSystem;
  let admin: string;
  let dir: string;
  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await adminToken();
    dir = mkdtempSync(join(tmpdir(), 'hygiene-'));
  });
  afterAll(async () => {
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Whether something accepts a TCP connection at host:port. */
  const accepts = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });

  it('subgraphs listen on loopback only (127.0.0.2 is another loopback address: nothing there), the gateway everywhere', async () => {
    for (const service of Object.values(sys.system.services)) {
      expect(await accepts('127.0.0.1', service.port)).toBe(true);
      expect(await accepts('127.0.0.2', service.port)).toBe(false);
    }
    expect(await accepts('127.0.0.2', sys.system.gateway.port)).toBe(true);
  });

  it('data folders are private to their user (0700)', async () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    const replica = await startReplica(sys, { partnerKeysFile: join(dir, 'keys', 'partner-keys.json') });
    await replica.stop();
    expect(mode(join(dir, 'keys'))).toBe(0o700);
    const bus = new MemoryEventBus({ log: createLogger('hygiene', 'silent'), dir: join(dir, 'data', 'bus') });
    await bus.close();
    expect(mode(join(dir, 'data', 'bus'))).toBe(0o700);
    // A folder that was looser before is tightened.
    mkdirSync(join(dir, 'loose'), { mode: 0o755 });
    ensurePrivateDir(join(dir, 'loose'));
    expect(mode(join(dir, 'loose'))).toBe(0o700);
  });

  it("a customer sees the releases of its contracts' products only", async () => {
    const customer = await seedCustomer(sys, admin, 'Releases');
    // seedCustomer's contract names no products (it covers all): give this organization one that does.
    const { createOrganization: org } = await sys.ok<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "One Product Ltd", email: "it@one.example" }) { id } }`,
      {},
      admin,
    );
    await sys.ok(
      `mutation($o: ID!) { createContract(input: { organizationId: $o, number: "P-1", preset: "imc-typical",
         startsOn: "2025-01-01", endsOn: "2025-12-31", products: ["Bookkeeping"] }) { id } }`,
      { o: org.id },
      admin,
    );
    const scoped = await mintToken({ sub: '00000000-0000-7000-8000-0000000000c1', role: 'CUSTOMER', org: org.id });
    for (const product of ['Bookkeeping', 'Other ERP']) {
      await sys.ok(
        `mutation($p: String!) { scheduleRelease(input: { product: $p, kind: PLANNED, plannedAt: "2026-06-01T10:00:00Z" }) { id } }`,
        { p: product },
        admin,
      );
    }
    const products = async (token: string) =>
      (await sys.ok<{ releases: { product: string }[] }>(`{ releases { product } }`, {}, token)).releases
        .map((r) => r.product)
        .sort();
    expect(await products(scoped)).toEqual(['Bookkeeping']);
    expect(await products(customer.token)).toEqual(['Bookkeeping', 'Other ERP']);
    expect(await products(admin)).toEqual(['Bookkeeping', 'Other ERP']);
    const other = await sys.gql<{ releases: unknown[] }>(`{ releases(product: "Other ERP") { id } }`, {}, scoped);
    expect(other.data?.releases).toEqual([]);
  });

  it('bidi overrides and control characters are refused in single-line fields and shown in message bodies', async () => {
    const refused = await sys.gql(
      `mutation($n: String!) { createOrganization(input: { name: $n, email: "bidi@example.com" }) { id } }`,
      { n: 'Acme \u202Egnp.exe' },
      admin,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'name may not contain control or bidirectional formatting characters (found U+202E); tab and newline are the only ones allowed',
      extensions: { code: 'BAD_USER_INPUT', field: 'name', character: 'U+202E' },
    });
    const customer = await seedCustomer(sys, admin, 'Bidi');
    const title = await sys.gql(
      `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t, description: "x" }) { id } }`,
      { c: customer.contractId, t: 'Invoice \u2066 isolated' },
      customer.token,
    );
    expect(title.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
      character: 'U+2066',
    });
    const bell = await sys.gql(
      `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Ring\u0007Ring", email: "bell@bidi.example" }) { id } }`,
      { o: customer.organizationId },
      admin,
    );
    expect(bell.errors?.[0]?.extensions).toMatchObject({ field: 'fullName', character: 'U+0007' });

    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    const ticket = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string; description: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Report",
           description: "line one\\r\\nline two\\u0007" }) { id description } }`,
        { c: customer.contractId },
        customer.token,
      );
      return result.data?.registerTicket;
    });
    expect(ticket.description).toBe('line one\nline two<U+0007>');
    const { addMessage } = await sys.ok<{ addMessage: { body: string } }>(
      `mutation($t: ID!, $b: String!) { addMessage(ticketId: $t, body: $b) { body } }`,
      { t: ticket.id, b: 'see file \u202Efdp.exe\tplease' },
      customer.token,
    );
    expect(addMessage.body).toBe('see file <U+202E>fdp.exe\tplease');
  });
});
