import { mintToken, TestSystem } from '../support/system';
import { adminToken } from '../../gateway/test/support/seed';
import { startReplica } from '../../gateway/test/support/gateways';

/**
 * Issue 11, finding 5: wrong passwords are throttled per (e-mail, client address) and per
 * address, in real time, so a stranger cannot lock the owner (or the administrator) out, and
 * an ADMIN can lift a lock. The gateway here trusts one proxy, so X-Forwarded-For says who is who.
 */
describe('login lockout', () => {
  let sys: TestSystem;
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let admin: string;

  beforeAll(async () => {
    sys = await TestSystem.start();
    replica = await startReplica(sys, { trustedProxyHops: 1 });
    admin = await adminToken();
    // The business clock is frozen in 2025: locks must still end, in real time.
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    await sys.ok(
      `mutation { addStaff(input: { fullName: "Boss", email: "boss@provider.example", role: ADMIN, password: "boss-password-1" }) { id } }`,
      {},
      admin,
    );
  });
  afterAll(async () => {
    await replica?.stop();
    await sys?.stop();
  });

  async function login(email: string, password: string, from: string) {
    const response = await fetch(replica.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({
        query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        variables: { e: email, p: password },
      }),
    });
    return (await response.json()) as {
      data?: { login: { token: string } } | null;
      errors?: { message: string; extensions: { code: string; retryAfterSeconds?: number } }[];
    };
  }

  it("a stranger's wrong passwords lock the e-mail for the stranger's address only; the lock ends in real time", async () => {
    const attacker = '203.0.113.5';
    // Five free failures, the sixth locks for 30 s.
    for (let i = 0; i < 6; i++) {
      expect((await login('boss@provider.example', 'guess', attacker)).errors?.[0]?.extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const locked = await login('boss@provider.example', 'boss-password-1', attacker);
    // The lock is 30 s from the sixth failure; a slow machine may spend a second or two before this answer.
    expect(locked.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(locked.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(25);
    expect(locked.errors![0]!.extensions.retryAfterSeconds).toBeLessThanOrEqual(30);
    const until = Date.parse(/after (\S+)\)$/.exec(locked.errors![0]!.message)![1]!);
    // Thirty seconds from now in real time, not from the frozen business clock (2025-03-03).
    expect(Math.abs(until - (Date.now() + 30_000))).toBeLessThan(10_000);
    // The owner, from the office, is not locked out.
    expect((await login('boss@provider.example', 'boss-password-1', '198.51.100.7')).data?.login.token).toBeTruthy();
  });

  it('one address spraying many e-mails is locked as an address, for every e-mail', async () => {
    const sprayer = '203.0.113.9';
    // 50 failures from one address are free; the 51st locks the address.
    for (let i = 0; i < 51; i++) {
      const answer = await login(`nobody-${i}@example.com`, 'guess', sprayer);
      expect(answer.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    const refused = await login('boss@provider.example', 'boss-password-1', sprayer);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Too many failed logins from your address: try again in 30 s/),
      extensions: { code: 'RATE_LIMITED' },
    });
    expect((await login('boss@provider.example', 'boss-password-1', '198.51.100.8')).data?.login.token).toBeTruthy();
  });

  it('an ADMIN lifts locks by address or by e-mail; nobody else may', async () => {
    const dispatcher = await mintToken({ sub: '00000000-0000-7000-8000-0000000000d1', role: 'DISPATCHER' });
    const forbidden = await sys.gql(`mutation { liftLoginLocks(address: "203.0.113.9") }`, {}, dispatcher);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const nothing = await sys.gql(`mutation { liftLoginLocks }`, {}, admin);
    expect(nothing.errors?.[0]).toMatchObject({
      message: 'Give the email, the address, or both, whose login locks to lift',
      extensions: { code: 'BAD_USER_INPUT' },
    });

    // The sprayer's address: its own record and one per e-mail it tried (51 + 1).
    const { liftLoginLocks: byAddress } = await sys.ok<{ liftLoginLocks: number }>(
      `mutation { liftLoginLocks(address: "203.0.113.9") }`,
      {},
      admin,
    );
    expect(byAddress).toBe(52);
    expect((await login('boss@provider.example', 'boss-password-1', '203.0.113.9')).data?.login.token).toBeTruthy();

    // The boss's e-mail, locked afresh from 203.0.113.6 (locks are 30 s of real time).
    for (let i = 0; i < 6; i++) await login('boss@provider.example', 'guess', '203.0.113.6');
    expect((await login('boss@provider.example', 'boss-password-1', '203.0.113.6')).errors?.[0]?.extensions.code).toBe(
      'RATE_LIMITED',
    );
    const { liftLoginLocks: byEmail } = await sys.ok<{ liftLoginLocks: number }>(
      `mutation { liftLoginLocks(email: "BOSS@provider.example") }`,
      {},
      admin,
    );
    // Its records from 203.0.113.5 (the first test) and 203.0.113.6; successful logins left none.
    expect(byEmail).toBe(2);
    expect((await login('boss@provider.example', 'boss-password-1', '203.0.113.6')).data?.login.token).toBeTruthy();
    expect((await login('boss@provider.example', 'boss-password-1', '203.0.113.5')).data?.login.token).toBeTruthy();
  });
});
