import { newId } from '@reglament/shared/domain';
import { NotificationsHarness } from './support/harness';
import { type Person, seedContact, seedContract, seedStaff } from './support/people';

/**
 * Contract-level duties on real PostgreSQL and NATS (no ticket): R-CON-7, customisation work past
 * 80 % of its cap (15 % of the contract's value) is announced to the provider's dispatchers and
 * admins and to the customer's contacts, once, and to no one of another organization.
 */
describe('notifications: contract duties', () => {
  let h: NotificationsHarness;
  const org = newId();
  const other = newId();
  let olga: Person;
  let fedor: Person;
  let dora: Person;
  let alla: Person;
  let egor: Person;

  const inbox = async (p: Person) =>
    (
      await h.ok<{ myNotifications: { edges: { node: { kind: string; title: string; body: string } }[] } }>(
        p,
        `{ myNotifications(first: 100) { edges { node { kind title body } } } }`,
      )
    ).myNotifications.edges.map((e) => e.node);

  beforeAll(async () => {
    h = await NotificationsHarness.start();
    await seedContract(h, org, 'C-2025-17');
    olga = await seedContact(h, org, 'Olga');
    fedor = await seedContact(h, other, 'Fedor');
    dora = await seedStaff(h, 'DISPATCHER', 'Dora');
    alla = await seedStaff(h, 'ADMIN', 'Alla');
    egor = await seedStaff(h, 'ENGINEER', 'Egor');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('R-CON-7: the cap nearing reaches dispatchers, admins and the contacts, once; not engineers nor another organization', async () => {
    const contractId = (await h.query<{ contract_id: string }>(`SELECT contract_id FROM known_contracts`))[0]!
      .contract_id;
    // A contract of 180 000: the cap is 15 % = 27 000; 22 000 spent is past 80 % (21 600).
    const nearing = await h.publish('contracts.customization.cap_nearing', org, {
      contractId,
      organizationId: org,
      capAmount: 27000,
      spentAmount: 22000,
    });
    await h.deliver(nearing); // again: still one each
    const expected = [
      {
        kind: 'CUSTOMIZATION_CAP_NEARING',
        title: 'Договор C-2025-17: доработки близки к лимиту',
        body: 'По договору C-2025-17 доработки выполнены на 22000 из 27000 (лимит: 15 % стоимости договора, R-CON-7). Осталось меньше пятой части лимита.',
      },
    ];
    expect(await inbox(olga)).toEqual(expected);
    expect(await inbox(dora)).toEqual(expected);
    expect(await inbox(alla)).toEqual(expected);
    expect(await inbox(egor)).toEqual([]);
    expect(await inbox(fedor)).toEqual([]);
    const emails = await h.query<{ recipient: string }>(
      `SELECT recipient FROM deliveries WHERE channel = 'EMAIL' AND kind = 'CUSTOMIZATION_CAP_NEARING' ORDER BY recipient`,
    );
    expect(emails.map((e) => e.recipient)).toEqual([alla.email, dora.email, olga.email].sort());
  });
});
