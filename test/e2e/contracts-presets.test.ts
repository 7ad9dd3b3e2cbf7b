import { eventually } from '@reglament/shared/testing';
import { mintToken, TestSystem } from '../support/system';

/**
 * Issue 4 "done when": a customer under each of the five presets is created through the
 * gateway with its contacts, contract and hour packages; its balance, ledger and the catalog
 * are queryable; and a ticket's contract and prepaid time come through the supergraph.
 */
describe('contracts through the gateway: a customer under each preset', () => {
  let sys: TestSystem;
  let admin: string;

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await mintToken({ sub: '00000000-0000-7000-8000-00000000a001', role: 'ADMIN' });
    // Monday 10 March 2025, 09:00 Moscow.
    await sys.ok(`mutation { setClock(at: "2025-03-10T09:00:00+03:00") }`, {}, admin);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('ships the five presets and the service catalog (R-CON-2), readable by anyone signed in', async () => {
    const customer = await mintToken({
      sub: '00000000-0000-7000-8000-00000000c0c0',
      role: 'CUSTOMER',
      org: '00000000-0000-7000-8000-00000000000f',
    });
    const data = await sys.ok<{
      presets: { id: string; seed: string; calendarId: string; timeZone: string; description: string }[];
      serviceCatalog: { code: string; name: string; normMinutes: number | null; free: boolean }[];
    }>(
      `{ presets { id seed calendarId timeZone description } serviceCatalog(seed: "000") { code name normMinutes free } }`,
      {},
      customer,
    );

    expect(data.presets.map((p) => [p.id, p.seed, p.calendarId, p.timeZone])).toEqual([
      ['imc-typical', '000', 'msk-0900-1800', 'Europe/Moscow'],
      ['asmo', '001', 'msk-0845-1700', 'Europe/Moscow'],
      ['altec-8x5x4', '002', 'msk-0900-1800', 'Europe/Moscow'],
      ['kz-supplier', '003', 'almaty-0900-1800', 'Asia/Almaty'],
      ['infocraft-365', '004', 'msk-0800-1800', 'Europe/Moscow'],
    ]);
    expect(data.presets[0]!.description).toContain('Support-High is read as Support-Urgent');
    expect(data.serviceCatalog.map((s) => s.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '4.1',
      '4.2',
      '4.3',
      '5',
      '6',
      '6.1',
      '6.2',
      '6.2.1',
      '6.2.2',
      '6.2.3',
      '6.2.4',
      '6.2.5',
      '6.2.6',
      '6.2.7',
      '6.3',
    ]);
    expect(data.serviceCatalog.find((s) => s.code === '6.2.1')).toEqual({
      code: '6.2.1',
      name: 'Предоставление и (при необходимости) установка обновления ИС',
      normMinutes: 60,
      free: false,
    });
    expect(data.serviceCatalog.find((s) => s.code === '5')).toMatchObject({ free: true });
  });

  it('serviceCatalog without a seed is the whole catalog (seed 000 items, then 002, then 004), an unknown seed is refused', async () => {
    const customer = await mintToken({
      sub: '00000000-0000-7000-8000-0000000000c7',
      role: 'CUSTOMER',
      org: '00000000-0000-7000-8000-00000000000f',
    });
    const whole = await sys.ok<{ serviceCatalog: { code: string }[] }>('{ serviceCatalog { code } }', {}, customer);
    // 19 items of seed 000 (1 ... 6.3), the 5 AL items of seed 002 (issue 18) and the 8 IC items of seed 004.
    expect(whole.serviceCatalog.map((s) => s.code)).toEqual([
      ...['1', '2', '3', '4', '4.1', '4.2', '4.3', '5', '6', '6.1', '6.2'],
      ...['6.2.1', '6.2.2', '6.2.3', '6.2.4', '6.2.5', '6.2.6', '6.2.7', '6.3'],
      ...['AL.1', 'AL.2', 'AL.3', 'AL.4', 'AL.5'],
      ...['IC.1', 'IC.2', 'IC.3', 'IC.4', 'IC.5', 'IC.6', 'IC.7', 'IC.8'],
    ]);
    // Seed 002's services with their billing: free databases and diagnostics, paid setups (issue 18).
    const altec = await sys.ok<{ serviceCatalog: { code: string; billing: string; free: boolean }[] }>(
      '{ serviceCatalog(seed: "002") { code billing free } }',
      {},
      customer,
    );
    expect(altec.serviceCatalog).toEqual([
      { code: 'AL.1', billing: 'FREE', free: true },
      { code: 'AL.2', billing: 'FREE', free: true },
      { code: 'AL.3', billing: 'PROJECT', free: false },
      { code: 'AL.4', billing: 'FREE', free: true },
      { code: 'AL.5', billing: 'PROJECT', free: false },
    ]);
    const refused = await sys.gql('{ serviceCatalog(seed: "003") { code } }', {}, customer);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'seed must be one of 000, 002, 004, got "003"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  const presets = [
    // preset, default coverage, zone, packages (kind, minutes)
    ['imc-typical', '9x5', 'Europe/Moscow', []],
    ['asmo', '8.25x5x2', 'Europe/Moscow', []],
    ['altec-8x5x4', '8x5x4', 'Europe/Moscow', []],
    ['kz-supplier', '9x5x2', 'Asia/Almaty', []],
    [
      'infocraft-365',
      '10x5x4',
      'Europe/Moscow',
      [
        ['SUBSCRIPTION', 600],
        ['ONE_OFF', 120],
      ],
    ],
  ] as const;

  it.each(presets)(
    '%s: organization, contact, contract and packages; balance and ledger',
    async (preset, coverage, zone, packages) => {
      const { createOrganization: org } = await sys.ok<{ createOrganization: { id: string } }>(
        `mutation($name: String!) { createOrganization(input: { name: $name, email: "it@${preset}.example", emailDomains: ["${preset}.example"] }) { id } }`,
        { name: `Customer of ${preset}` },
        admin,
      );
      const { addContact: contact } = await sys.ok<{ addContact: { id: string; active: boolean } }>(
        `mutation($org: ID!) { addContact(input: { organizationId: $org, fullName: "Contact of ${preset}",
         email: "user@${preset}.example", phone: "+7 495 123-45-67", password: "password-${preset}" }) { id active } }`,
        { org: org.id },
        admin,
      );
      expect(contact.active).toBe(true);
      const { createContract: contract } = await sys.ok<{
        createContract: { id: string; status: string; coverage: string; timeZone: string };
      }>(
        `mutation($org: ID!, $preset: String!) { createContract(input: { organizationId: $org, number: "N-1", preset: $preset,
         startsOn: "2025-01-01", endsOn: "2025-12-31", totalValue: 1000000, products: ["Product"] }) { id status coverage timeZone } }`,
        { org: org.id, preset },
        admin,
      );
      expect(contract).toMatchObject({ status: 'ACTIVE', coverage, timeZone: zone });
      for (const [kind, minutes] of packages) {
        await sys.ok(
          `mutation($c: ID!, $kind: HourPackageKind!, $minutes: Int!) { addHourPackage(input: { contractId: $c, kind: $kind,
           minutesPerMonth: $minutes, startsOn: "2025-03-01" }) { id } }`,
          { c: contract.id, kind, minutes },
          admin,
        );
      }

      // The contact logs in and reads its own organization's contract through the gateway.
      const { login } = await sys.ok<{
        login: { token: string; user: { id: string; role: string; organizationId: string } };
      }>(
        `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id role organizationId } } }`,
        { email: `user@${preset}.example`, password: `password-${preset}` },
      );
      expect(login.user).toEqual({ id: contact.id, role: 'CUSTOMER', organizationId: org.id });
      const view = await sys.ok<{
        contract: {
          preset: string;
          organization: { contacts: { fullName: string }[] };
          hourPackages: { kind: string; minutesPerMonth: number }[];
          prepaid: {
            month: string;
            grantedMinutes: number;
            carriedOverMinutes: number;
            usedMinutes: number;
            remainingMinutes: number;
            exhausted: boolean;
          } | null;
          ledger: { totalCount: number; edges: { node: { month: string; kind: string; minutes: number } }[] };
          customization: { capAmount: number | null; spentAmount: number };
        };
      }>(
        `query($id: ID!) { contract(id: $id) { preset organization { contacts { fullName } } hourPackages { kind minutesPerMonth }
         prepaid { month grantedMinutes carriedOverMinutes usedMinutes remainingMinutes exhausted }
         ledger { totalCount edges { node { month kind minutes } } } customization { capAmount spentAmount } } }`,
        { id: contract.id },
        login.token,
      );
      expect(view.contract.preset).toBe(preset);
      expect(view.contract.organization.contacts).toEqual([{ fullName: `Contact of ${preset}` }]);
      expect(view.contract.hourPackages).toEqual(
        packages.map(([kind, minutesPerMonth]) => ({ kind, minutesPerMonth })),
      );
      // R-CON-7: 15 % of 1,000,000.
      expect(view.contract.customization).toEqual({ capAmount: 150000, spentAmount: 0 });
      if (packages.length === 0) {
        expect(view.contract.prepaid).toBeNull();
        expect(view.contract.ledger.totalCount).toBe(0);
      } else {
        // March: 600 (subscription) + 120 (one-off) granted.
        expect(view.contract.prepaid).toEqual({
          month: '2025-03',
          grantedMinutes: 720,
          carriedOverMinutes: 0,
          usedMinutes: 0,
          remainingMinutes: 720,
          exhausted: false,
        });
        expect(view.contract.ledger.edges.map((e) => e.node)).toEqual([
          { month: '2025-03', kind: 'GRANT', minutes: 600 },
          { month: '2025-03', kind: 'GRANT', minutes: 120 },
        ]);
      }
    },
  );

  it("a ticket's contract, prepaid time and requester come through the supergraph; logged time is debited", async () => {
    const { contracts } = await sys.ok<{ contracts: { edges: { node: { id: string; number: string } }[] } }>(
      `{ contracts(filter: { preset: "infocraft-365" }) { edges { node { id number } } } }`,
      {},
      admin,
    );
    const contractId = contracts.edges[0]!.node.id;
    const { login } = await sys.ok<{ login: { token: string } }>(
      `mutation { login(email: "user@infocraft-365.example", password: "password-infocraft-365") { token } }`,
    );
    // Tickets learns the contract and the contact from contracts' events: wait until it can register.
    const ticket = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string; number: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "How to post a receipt",
           description: "Where is the button", category: SUPPORT }) { id number } }`,
        { c: contractId },
        login.token,
      );
      return result.data?.registerTicket;
    });

    const engineer = await mintToken({ sub: '00000000-0000-7000-8000-00000000e001', role: 'ENGINEER' });
    // Contracts learns the ticket from tickets' events: wait until the time can be logged.
    const entry = await eventually(async () => {
      const result = await sys.gql<{ logTime: { minutes: number; debitedMinutes: number; billing: string } }>(
        `mutation($t: ID!) { logTime(input: { ticketId: $t, minutes: 25, note: "explained", idempotencyKey: "e2e-1" }) { minutes debitedMinutes billing } }`,
        { t: ticket.id },
        engineer,
      );
      return result.data?.logTime;
    });
    expect(entry).toEqual({ minutes: 25, debitedMinutes: 25, billing: 'PREPAID' });

    const data = await sys.ok<{
      ticket: {
        number: string;
        contract: { number: string; prepaid: { remainingMinutes: number } };
        requester: { fullName: string };
        requesterContact: { fullName: string; email: string };
        timeEntries: { minutes: number }[];
      };
    }>(
      `query($id: ID!) { ticket(id: $id) { number contract { number prepaid { remainingMinutes } } requester { fullName }
         requesterContact { fullName email } timeEntries { minutes } } }`,
      { id: ticket.id },
      login.token,
    );
    expect(data.ticket).toEqual({
      number: ticket.number,
      // 720 granted - 25 debited = 695.
      contract: { number: 'N-1', prepaid: { remainingMinutes: 695 } },
      requester: { fullName: 'Contact of infocraft-365' },
      requesterContact: { fullName: 'Contact of infocraft-365', email: 'user@infocraft-365.example' },
      timeEntries: [{ minutes: 25 }],
    });
  });
});
