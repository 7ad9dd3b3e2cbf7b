import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, seed 002 §2.2 (R-TKT-5): the user names "Переработчик профиля Exprof" (the dealer who
 * customised its profile) when filing. altec-8x5x4 declares it as a registration field of its own
 * (Preset.ticketFields); the value is validated at registration and shown with the ticket.
 */
describe("registration fields per preset (002 §2.2 'Переработчик профиля Exprof')", () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let altec: Party;
  let asmo: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    altec = await w.customerUnder('altec-8x5x4');
    asmo = await w.customerUnder('asmo');
    await w.clockAt('2025-10-27T10:00:00+03:00');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const register = `mutation($input: RegisterTicketInput!) { registerTicket(input: $input) { id } }`;
  const input = (p: Party, customFields: unknown) => ({
    input: {
      contractId: p.contractId,
      channel: 'PORTAL',
      title: 'Profile',
      description: 'Window profile',
      customFields,
    },
  });

  it('002 §2.2: the preset declares the field; the value is kept and shown with its labels', async () => {
    const { presets } = await sys.ok<{ presets: { id: string; ticketFields: Record<string, unknown>[] }[] }>(
      `{ presets { id ticketFields { name labelRu labelEn type required maxLength } } }`,
      {},
      altec.customer,
    );
    expect(presets.find((p) => p.id === 'altec-8x5x4')!.ticketFields).toEqual([
      {
        name: 'profileCustomizer',
        labelRu: 'Переработчик профиля Exprof',
        labelEn: 'Exprof profile customiser (dealer)',
        type: 'STRING',
        required: false,
        maxLength: 200,
      },
    ]);
    expect(presets.find((p) => p.id === 'asmo')!.ticketFields).toEqual([]);
    const id = await w.register(altec, {
      customFields: [{ name: 'profileCustomizer', value: '  ООО «Окна-Дилер»  ' }],
    });
    const { ticket } = await sys.ok<{ ticket: { customFields: Record<string, string>[] } }>(
      `query($id: ID!) { ticket(id: $id) { customFields { name label labelEn value } } }`,
      { id },
      altec.engineer,
    );
    expect(ticket.customFields).toEqual([
      {
        name: 'profileCustomizer',
        label: 'Переработчик профиля Exprof',
        labelEn: 'Exprof profile customiser (dealer)',
        value: 'ООО «Окна-Дилер»', // trimmed
      },
    ]);
    // Optional: a ticket without it has none.
    const without = await w.register(altec);
    const plain = await sys.ok<{ ticket: { customFields: unknown[] } }>(
      `query($id: ID!) { ticket(id: $id) { customFields { name } } }`,
      { id: without },
      altec.customer,
    );
    expect(plain.ticket.customFields).toEqual([]);
  });

  it('R-TKT-5: unknown fields, repeated fields, too long values and other presets are refused; nothing is registered', async () => {
    await w.register(asmo); // the tickets service knows the asmo contract by now
    const count = async (p: Party) =>
      (await sys.ok<{ tickets: { totalCount: number } }>(`{ tickets { totalCount } }`, {}, p.customer)).tickets
        .totalCount;
    const [altecBefore, asmoBefore] = [await count(altec), await count(asmo)];
    const cases: [Party, unknown, RegExp][] = [
      [altec, [{ name: 'dealer', value: 'x' }], /the fields profileCustomizer, not "dealer"/],
      [
        altec,
        [
          { name: 'profileCustomizer', value: 'a' },
          { name: 'profileCustomizer', value: 'b' },
        ],
        /given twice/,
      ],
      [altec, [{ name: 'profileCustomizer', value: 'x'.repeat(201) }], /at most 200 characters/],
      [
        altec,
        Array.from({ length: 21 }, () => ({ name: 'profileCustomizer', value: 'x' })),
        /at most 20 custom fields/,
      ],
      [asmo, [{ name: 'profileCustomizer', value: 'x' }], /preset asmo has no custom fields/],
    ];
    for (const [p, fields, message] of cases) {
      expect(await w.refused(p.customer, register, input(p, fields))).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(message),
      });
    }
    expect([await count(altec), await count(asmo)]).toEqual([altecBefore, asmoBefore]);
  });
});
