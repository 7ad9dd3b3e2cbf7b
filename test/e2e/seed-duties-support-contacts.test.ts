import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, seed 001 "Порядок взаимодействия": one point of contact: the main line
 * +7 (4932) 42-88-40, two backup mobiles, support@inform.ivanovo.ru and the «АСМО-поддержка»
 * portal. Contract.supportContacts shows the customer where to reach the provider: the preset's
 * (as its seed says) or the contract's own (000 and 003 name channels but no numbers).
 */
describe("the provider's contact points (001): Contract.supportContacts", () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let asmo: Party;
  let kz: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    asmo = await w.customerUnder('asmo');
    kz = await w.customerUnder('kz-supplier');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const read = `query($id: ID!) { contract(id: $id) { supportContacts { mainPhone backupPhones email portalUrl source } } }`;
  const update = `mutation($id: ID!, $s: SupportContactsInput) { updateContract(id: $id, input: { supportContacts: $s }) {
    supportContacts { mainPhone backupPhones email portalUrl source } } }`;

  it("001: an asmo customer sees the seed's main line, backup numbers, e-mail and portal", async () => {
    const { contract } = await sys.ok<{ contract: { supportContacts: unknown } }>(
      read,
      { id: asmo.contractId },
      asmo.customer,
    );
    expect(contract.supportContacts).toEqual({
      mainPhone: '+7 (4932) 42-88-40',
      backupPhones: ['+7 (980) 691-06-05', '+7 (980) 691-05-23'],
      email: 'support@inform.ivanovo.ru',
      portalUrl: 'http://support.inform.ivanovo.ru/',
      source: 'PRESET',
    });
  });

  it('a contract sets its own contact points (003 names none) and can go back to the preset', async () => {
    const own = {
      mainPhone: '+7 727 355-00-00',
      backupPhones: ['+7 701 111-22-33'],
      email: 'help@supplier.kz',
      portalUrl: 'https://redmine.supplier.kz/',
    };
    const set = await w.act<{ updateContract: { supportContacts: unknown } }>(w.admin, update, {
      id: kz.contractId,
      s: own,
    });
    expect(set.updateContract.supportContacts).toEqual({ ...own, source: 'CONTRACT' });
    const seen = await sys.ok<{ contract: { supportContacts: unknown } }>(read, { id: kz.contractId }, kz.customer);
    expect(seen.contract.supportContacts).toEqual({ ...own, source: 'CONTRACT' });
    const back = await w.act<{ updateContract: { supportContacts: unknown } }>(w.admin, update, {
      id: kz.contractId,
      s: null,
    });
    expect(back.updateContract.supportContacts).toEqual({
      mainPhone: null,
      backupPhones: [],
      email: null,
      portalUrl: null,
      source: 'PRESET',
    });
  });

  it('refuses bad contact points and other organizations (limits, tenant isolation)', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ mainPhone: 'call Anna' }, 'supportContacts.mainPhone'],
      [{ backupPhones: Array.from({ length: 6 }, () => '+7 700 000-00-00') }, 'supportContacts.backupPhones'],
      [{ email: 'not-an-address' }, 'supportContacts.email'],
      [{ portalUrl: 'javascript:alert(1)' }, 'supportContacts.portalUrl'],
    ];
    for (const [s, field] of bad) {
      const r = await sys.gql(update, { id: kz.contractId, s }, w.admin);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // A customer does not change them, and another organization's customer does not read them.
    expect(
      (await sys.gql(update, { id: kz.contractId, s: { email: 'x@y.kz' } }, kz.customer)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const other = await sys.gql(read, { id: asmo.contractId }, kz.customer);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
