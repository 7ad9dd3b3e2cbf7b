import { adminToken, Seed } from '../support/seed';
import { TestSystem } from '../support/system';

/** Bad input gets a typed refusal, never an internal error: text no database can hold, dates out of range. */
describe('input the database cannot hold', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('a NUL character is refused as BAD_USER_INPUT over POST and GET, and changes nothing', async () => {
    const admin = await adminToken();
    const posted = await sys.gql(
      `mutation($n: String!) { createOrganization(input: { name: $n, email: "nul@example.com" }) { id } }`,
      { n: 'Bad\u0000Name' },
      admin,
    );
    expect(posted.errors?.[0]).toMatchObject({
      message: 'Text may not contain NUL characters (\\u0000)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const anonymous = await sys.gql(`mutation($e: String!) { login(email: $e, password: "x") { token } }`, {
      e: 'a\u0000@b.c',
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const get = await fetch(`${sys.url}?query=${encodeURIComponent('{ ticketByNumber(number: "T\u0000") { id } }')}`, {
      headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    const { organizations } = await sys.ok<{ organizations: { totalCount: number } }>(
      `{ organizations { totalCount } }`,
      {},
      admin,
    );
    expect(organizations.totalCount).toBe(0);
  });

  it('a date before 1900 is refused as BAD_USER_INPUT', async () => {
    const seed = await Seed.on(sys);
    const admin = seed.admin;
    const org = await seed.organization({ name: 'Old Ltd', email: 'old@example.com' });
    const result = await sys.gql(
      `mutation($o: ID!, $s: Date!) { createContract(input: { organizationId: $o, number: "Y0", preset: "asmo", startsOn: $s, endsOn: "2025-12-31" }) { id } }`,
      { o: org.id, s: '0000-01-01' },
      admin,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/years 1900 to 9999/);
  });
});
