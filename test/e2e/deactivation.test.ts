import { eventually } from '@reglament/shared/testing';
import { mintToken, TestSystem } from '../support/system';

/**
 * R-ACC-1: a deactivated contact (or staff member) is out at once, not when its token expires:
 * the gateway follows deactivations and refuses the tokens it already issued.
 */
describe('deactivated accounts', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it("a deactivated contact's and staff member's existing tokens are refused; reactivation lets them back", async () => {
    const admin = await mintToken({ sub: '00000000-0000-7000-8000-000000000001', role: 'ADMIN' });
    const { createOrganization: org } = await sys.ok<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "Gone Ltd", email: "it@gone.example" }) { id } }`,
      {},
      admin,
    );
    const { addContact: contact } = await sys.ok<{ addContact: { id: string } }>(
      `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Leaving Person", email: "leaving@gone.example", password: "a-long-password-1" }) { id } }`,
      { o: org.id },
      admin,
    );
    const { addStaff: engineer } = await sys.ok<{ addStaff: { id: string } }>(
      `mutation { addStaff(input: { fullName: "Leaving Engineer", email: "eng@provider.example", role: ENGINEER, password: "a-long-password-2" }) { id } }`,
      {},
      admin,
    );
    const login = async (email: string, password: string) =>
      (
        await sys.ok<{ login: { token: string } }>(
          `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
          { e: email, p: password },
        )
      ).login.token;
    const contactToken = await login('leaving@gone.example', 'a-long-password-1');
    const engineerToken = await login('eng@provider.example', 'a-long-password-2');
    const probe = (token: string) => sys.gql(`{ me { id } }`, {}, token);
    expect((await probe(contactToken)).errors).toBeUndefined();
    expect((await probe(engineerToken)).errors).toBeUndefined();

    await sys.ok(`mutation($id: ID!) { deactivateContact(id: $id) { id } }`, { id: contact.id }, admin);
    await sys.ok(
      `mutation($id: ID!) { updateStaff(id: $id, input: { active: false }) { id } }`,
      { id: engineer.id },
      admin,
    );
    for (const token of [contactToken, engineerToken]) {
      const refused = await eventually(async () => (await probe(token)).errors?.[0]);
      expect(refused).toMatchObject({
        message: 'This account is deactivated: its tokens are no longer accepted',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }

    await sys.ok(
      `mutation($id: ID!) { updateStaff(id: $id, input: { active: true }) { id } }`,
      { id: engineer.id },
      admin,
    );
    await eventually(async () => !(await probe(engineerToken)).errors);
  });
});
