import { eventually } from '@reglament/shared/testing';
import { Seed } from '../support/seed';
import { TestSystem } from '../support/system';

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
    const seed = await Seed.on(sys);
    const admin = seed.admin;
    const org = await seed.organization({ name: 'Gone Ltd', email: 'it@gone.example' });
    const contact = await seed.contact(org.id, {
      fullName: 'Leaving Person',
      email: 'leaving@gone.example',
      password: 'a-long-password-1',
    });
    const engineer = await seed.staff('ENGINEER', {
      fullName: 'Leaving Engineer',
      email: 'eng@provider.example',
      password: 'a-long-password-2',
    });
    const contactToken = await seed.login('leaving@gone.example', 'a-long-password-1');
    const engineerToken = await seed.login('eng@provider.example', 'a-long-password-2');
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
