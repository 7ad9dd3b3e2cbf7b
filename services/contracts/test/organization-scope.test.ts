import type { Caller } from '@reglament/shared/domain';
import { newId } from '@reglament/shared/domain';
import { ADMIN, ContractsHarness, customer } from './support/harness';

/**
 * Tenant isolation in contracts' reads (one organization-scoped reader for organizations,
 * contracts and contacts): a customer reads its own organization's rows and never another's,
 * by id, in batches and by organization; staff read all; an anonymous caller reads nothing.
 */
describe('organization-scoped reads of organizations, contracts and contacts', () => {
  let h: ContractsHarness;
  let a: Awaited<ReturnType<typeof customer>>;
  let b: Awaited<ReturnType<typeof customer>>;
  let contactA: { id: string };
  let contactB: { id: string };
  let olga: Caller;
  const anonymous: Caller = { kind: 'anonymous' };

  beforeAll(async () => {
    h = await ContractsHarness.start();
    h.setClock('2025-03-10T09:00:00+03:00');
    a = await customer(h.app, 'imc-typical', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    b = await customer(h.app, 'asmo', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const person = (organizationId: string, name: string) =>
      h.app.contacts.add(ADMIN, {
        organizationId,
        fullName: name,
        email: `${name.toLowerCase()}-${newId().slice(-8)}@customer.example`,
        phone: null,
        password: null,
      });
    contactA = await person(a.organization.id, 'Olga');
    contactB = await person(b.organization.id, 'Boris');
    olga = { kind: 'user', id: contactA.id, role: 'CUSTOMER', organizationId: a.organization.id, name: 'Olga' };
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("gives a customer its own organization, contract and contact by id, and NOT_FOUND for another organization's", async () => {
    expect((await h.app.organizations.get(olga, a.organization.id)).id).toBe(a.organization.id);
    expect((await h.app.contracts.get(olga, a.contract.id)).id).toBe(a.contract.id);
    expect((await h.app.contacts.get(olga, contactA.id)).id).toBe(contactA.id);
    await expect(h.app.organizations.get(olga, b.organization.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.app.contracts.get(olga, b.contract.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.app.contacts.get(olga, contactB.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('returns in a batch only the rows of the caller’s organization (staff: all; anonymous: none)', async () => {
    const orgs = [a.organization.id, b.organization.id, 'not-an-id'];
    expect([...(await h.app.organizations.visibleByIds(olga, orgs)).keys()]).toEqual([a.organization.id]);
    expect([...(await h.app.contracts.visibleByIds(olga, [a.contract.id, b.contract.id])).keys()]).toEqual([
      a.contract.id,
    ]);
    expect([...(await h.app.contacts.visibleByIds(olga, [contactA.id, contactB.id])).keys()]).toEqual([contactA.id]);
    expect((await h.app.contacts.visibleByIds(ADMIN, [contactA.id, contactB.id])).size).toBe(2);
    expect((await h.app.contracts.visibleByIds(anonymous, [a.contract.id, b.contract.id])).size).toBe(0);
  });

  it('lists contracts and contacts by organization only for organizations the caller may see', async () => {
    const contracts = await h.app.contracts.visibleByOrganizations(olga, [a.organization.id, b.organization.id]);
    expect(contracts.get(a.organization.id)!.map((c) => c.id)).toEqual([a.contract.id]);
    expect(contracts.get(b.organization.id)).toEqual([]);
    const contacts = await h.app.contacts.visibleByOrganizations(olga, [a.organization.id, b.organization.id]);
    expect(contacts.get(a.organization.id)!.map((c) => c.id)).toEqual([contactA.id]);
    expect(contacts.get(b.organization.id)).toEqual([]);
    const staffView = await h.app.contacts.visibleByOrganizations(ADMIN, [b.organization.id]);
    expect(staffView.get(b.organization.id)!.map((c) => c.id)).toEqual([contactB.id]);
  });

  it('refuses an id that is not a UUID with BAD_USER_INPUT before any query', async () => {
    await expect(h.app.contracts.get(olga, 'C-1')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
