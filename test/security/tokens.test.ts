import { eventually } from '@reglament/shared/testing';
import { SignJWT } from 'jose';
import { adminToken } from '../../gateway/test/support/seed';
import { mintToken, TEST_JWT_SECRET, TestSystem } from '../support/system';

/** Issue 11, findings 7 and 8: tokens that must not work, refused at the door as UNAUTHENTICATED. */
describe('tokens the door refuses', () => {
  let sys: TestSystem;
  let admin: string;
  let organizationId: string;

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await adminToken();
    ({
      createOrganization: { id: organizationId },
    } = await sys.ok<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "Token Ltd", email: "it@token.example" }) { id } }`,
      {},
      admin,
    ));
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const login = async (email: string, password: string) =>
    (
      await sys.ok<{ login: { token: string } }>(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        { e: email, p: password },
      )
    ).login.token;
  const me = (token: string) => sys.gql<{ me: { id: string } }>(`{ me { id } }`, {}, token);

  it('a token issued before changePassword is refused; a login with the new password works at once', async () => {
    await sys.ok(
      `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Olga Old", email: "olga@token.example",
         password: "first-password-1" }) { id } }`,
      { o: organizationId },
      admin,
    );
    const before = await login('olga@token.example', 'first-password-1');
    expect((await me(before)).errors).toBeUndefined();

    await sys.ok(
      `mutation { changePassword(currentPassword: "first-password-1", newPassword: "second-password-2") }`,
      {},
      before,
    );
    const refused = await eventually(async () => (await me(before)).errors?.[0]);
    expect(refused).toMatchObject({
      message: 'This token was issued before the password was changed: log in again',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // Within the same second as the change, too: the new token's iat_ms is after it.
    const after = await login('olga@token.example', 'second-password-2');
    expect((await me(after)).errors).toBeUndefined();
  });

  it("an administrator's password reset refuses the staff member's older tokens", async () => {
    const { addStaff } = await sys.ok<{ addStaff: { id: string } }>(
      `mutation { addStaff(input: { fullName: "Eve Engineer", email: "eve@provider.example", role: ENGINEER,
         password: "engineer-pass-1" }) { id } }`,
      {},
      admin,
    );
    const before = await login('eve@provider.example', 'engineer-pass-1');
    // A token minted by a tool before the reset (whole-second iat) is refused too.
    const minted = await mintToken({ sub: addStaff.id, role: 'ENGINEER' });
    await sys.ok(
      `mutation($id: ID!) { updateStaff(id: $id, input: { password: "engineer-pass-2" }) { id } }`,
      { id: addStaff.id },
      admin,
    );
    for (const token of [before, minted]) {
      const refused = await eventually(async () => (await me(token)).errors?.[0]);
      expect(refused?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await me(await login('eve@provider.example', 'engineer-pass-2'))).errors).toBeUndefined();
  });

  it('a JWT with role PARTNER is refused: partners come with keys only', async () => {
    for (const claims of [{}, { org: organizationId }]) {
      const token = await new SignJWT({ role: 'PARTNER', name: 'Forged', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('partner-1')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(TEST_JWT_SECRET));
      const response = await fetch(sys.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ organizations { totalCount } }' }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: object }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]).toMatchObject({
        message: 'PARTNER access comes only with a partner key (x-api-key), never in a token',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  it('a CUSTOMER token whose org is not a UUID is 401, not an internal error', async () => {
    const token = await mintToken({ sub: 'someone', role: 'CUSTOMER', org: 'not-a-uuid' });
    const response = await fetch(sys.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ tickets { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
      message: "The token's organization (org) must be a UUID",
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
