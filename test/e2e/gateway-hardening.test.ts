import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@reglament/shared/testing';
import { SignJWT } from 'jose';
import { issuePartnerKey, revokePartnerKey } from '../../gateway/src/auth/partner-keys';
import { PERSISTED_DIR } from '../../gateway/src/persisted/manifest-store';
import { startReplica, wsClient } from '../../gateway/test/support/gateways';
import { adminToken, seedCustomer } from '../support/seed';
import { TEST_JWT_SECRET, TestSystem } from '../support/system';

const examples = JSON.parse(readFileSync(join(PERSISTED_DIR, 'examples', 'manifest.json'), 'utf8')) as {
  operations: { id: string; name: string }[];
};

/** The door holds: what a review of the gateway found, each proven shut. */
describe('gateway hardening', () => {
  let sys: TestSystem;
  let dir: string;
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let keysFile: string;

  beforeAll(async () => {
    sys = await TestSystem.start();
    dir = mkdtempSync(join(tmpdir(), 'gateway-hardening-'));
    cpSync(PERSISTED_DIR, join(dir, 'persisted'), { recursive: true });
    keysFile = join(dir, 'partner-keys.json');
    replica = await startReplica(sys, { persistedDir: join(dir, 'persisted'), partnerKeysFile: keysFile });
  });
  afterAll(async () => {
    await replica?.stop();
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a token without an expiry is refused', async () => {
    const forever = await new SignJWT({ role: 'ADMIN', name: 'forever' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-7000-8000-0000000000ff')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const result = await sys.gql(`{ me { id } }`, {}, forever);
    expect(result.errors?.[0]).toMatchObject({
      message: 'The token must carry an expiry (exp): tokens that never expire are refused',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('validation errors do not describe the schema to a caller (no "Did you mean")', async () => {
    const result = await sys.gql(`{ tickt { id } }`);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('a flood of __typename is a cost like any other field', async () => {
    const aliases = Array.from({ length: 30_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const result = await sys.gql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).not.toBeUndefined();
    expect(result.data ?? null).toBeNull();
  });

  it('a page size hidden in a variable default counts at its value', async () => {
    const admin = await adminToken();
    // 8 pages of 100 tickets with three lists each: about 8 x 100 x 35 = 28,000 > the 20,000 limit.
    const page = (alias: string) =>
      `${alias}: tickets(first: $n) { edges { node { messages { body } history { type } attachments { name } } } }`;
    const nested = `query($n: Int = 100) { ${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(page).join(' ')} }`;
    const result = await sys.gql(nested, {}, admin);
    expect(result.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('anonymous sockets are refused at connection_init', async () => {
    const probe = wsClient(sys.url, {});
    expect((await probe.closed).code).toBe(4403);
  });

  it("a revoked partner key's open subscription is closed with 4403", async () => {
    const admin = await adminToken();
    const acme = await seedCustomer(sys, admin, 'Revoked');
    const { key, record } = issuePartnerKey(keysFile, { partner: 'examples', organizationId: acme.organizationId });
    await eventually(() => replica.gateway.partnerKeys?.isActive(record.id));
    const probe = wsClient(replica.gateway.url, { 'x-api-key': key });
    const changes = examples.operations.find((o) => o.name === 'TicketChanges')!;
    probe.client.subscribe(
      { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: changes.id } } } as never,
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await eventually(() => replica.gateway.hub.subscriberCount > 0);
    revokePartnerKey(keysFile, record.id);
    const closed = await probe.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/revoked/);
  });
});
