import { type Caller, newId } from '@reglament/shared/domain';
import { LedgerEntryEntity } from '../src/infra/prepaid.entities';
import { ADMIN, ContractsHarness, customer, ENGINEER } from './support/harness';

/** How logged work is paid for: free (R-CON-5), norm time (R-CON-4), customisation within the cap (R-CON-7). */
describe('billing of logged work', () => {
  let h: ContractsHarness;

  beforeAll(async () => {
    h = await ContractsHarness.start();
    h.setClock('2025-03-10T09:00:00+03:00');
  });
  afterAll(async () => {
    await h?.stop();
  });

  const work = (ticketId: string, minutes: number, more: { serviceCode?: string; override?: boolean } = {}) => ({
    ticketId,
    minutes,
    note: null,
    serviceCode: more.serviceCode ?? null,
    idempotencyKey: null,
    overrideCustomizationCap: more.override ?? false,
  });

  async function infocraftWith100() {
    const { contract } = await customer(h.app, 'infocraft-365', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    await h.app.prepaid.addPackage(ADMIN, {
      contractId: contract.id,
      kind: 'SUBSCRIPTION',
      minutesPerMonth: 100,
      startsOn: '2025-03-01',
      endsOn: null,
      allowOverdraft: false,
      reactionWorkingMinutes: null,
    });
    return contract;
  }

  const remaining = async (contract: { id: string }) =>
    (await h.app.prepaidReads.balances([await h.app.contracts.get(ADMIN, contract.id)])).get(contract.id)!.remaining;

  it('R-CON-5: error reports, the consultation line and technical consultations are logged but not debited', async () => {
    const contract = await infocraftWith100();
    const error = await h.ticket(contract, 'ERROR');
    const line = await h.ticket(contract, 'SUPPORT', 'IC.2');
    const support = await h.ticket(contract, 'SUPPORT');

    const entries = [
      await h.app.timeLogging.logTime(ENGINEER, work(error.ticketId, 45)),
      await h.app.timeLogging.logTime(ENGINEER, work(line.ticketId, 20)),
      await h.app.timeLogging.logTime(ENGINEER, work(support.ticketId, 15, { serviceCode: 'IC.1' })),
    ];

    expect(entries.map((e) => [e.billing, e.minutes, e.debitedMinutes])).toEqual([
      ['FREE', 45, 0],
      ['FREE', 20, 0],
      ['FREE', 15, 0],
    ]);
    // Nothing debited: still the 100 granted.
    expect(await remaining(contract)).toBe(100);
  });

  it('R-CON-4: a service task is debited by its norm whatever the actual time', async () => {
    const contract = await infocraftWith100();
    const ticket = await h.ticket(contract, 'SUPPORT');

    const entry = await h.app.timeLogging.logServiceWork(ENGINEER, {
      ticketId: ticket.ticketId,
      serviceCode: 'IC.3',
      actualMinutes: 55,
      note: 'thin client 8.3.25',
      idempotencyKey: null,
      overrideCustomizationCap: false,
    });

    // IC.3 (thin client) has a norm of 30 minutes: 30 debited although 55 were spent.
    expect(entry).toMatchObject({
      kind: 'SERVICE_WORK',
      minutes: 30,
      actualMinutes: 55,
      debitedMinutes: 30,
      billing: 'PREPAID',
    });
    const ledger = await h.runtime.dataSource
      .getRepository(LedgerEntryEntity)
      .findBy({ contractId: contract.id, kind: 'NORM_DEBIT' });
    expect(ledger.map((e) => e.minutes)).toEqual([-30]);
    // 100 - 30 = 70.
    expect(await remaining(contract)).toBe(70);
  });

  it('refuses service work without a norm, unknown services, unclassified tickets and non-staff, changing nothing', async () => {
    const contract = await infocraftWith100();
    const ticket = await h.ticket(contract, 'SUPPORT');
    const unclassified = await h.ticket(contract, null);
    const serviceWork = (serviceCode: string) => ({
      ticketId: ticket.ticketId,
      serviceCode,
      actualMinutes: null,
      note: null,
      idempotencyKey: null,
      overrideCustomizationCap: false,
    });

    await expect(h.app.timeLogging.logServiceWork(ENGINEER, serviceWork('IC.5'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(
        /^service IC.5 is billed PER_MINUTE, not by norm time: log it with logTime; services with a norm: 4.1 \(480 min\)/,
      ),
    });
    await expect(h.app.timeLogging.logServiceWork(ENGINEER, serviceWork('9.9'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^serviceCode "9.9" is not in the service catalog; codes: 1, 2, 3, 4, 4.1/),
    });
    await expect(h.app.timeLogging.logTime(ENGINEER, work(unclassified.ticketId, 10))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('has no category yet: classify it first'),
    });
    const customer: Caller = {
      kind: 'user',
      id: newId(),
      role: 'CUSTOMER',
      organizationId: contract.organizationId,
      name: null,
    };
    await expect(h.app.timeLogging.logTime(customer, work(ticket.ticketId, 10))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'A CUSTOMER may not log time; allowed roles: DISPATCHER, ENGINEER, ADMIN',
    });
    await expect(h.app.timeLogging.logTime(ENGINEER, work(ticket.ticketId, 0))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await remaining(contract)).toBe(100);
  });

  it('without an hour package, support work is recorded as not prepaid; presets without packages refuse them', async () => {
    const { contract } = await customer(h.app, 'imc-typical', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const ticket = await h.ticket(contract, 'SUPPORT');
    const entry = await h.app.timeLogging.logTime(ENGINEER, work(ticket.ticketId, 30));
    expect(entry).toMatchObject({ billing: 'NOT_PREPAID', debitedMinutes: 0 });
    await expect(
      h.app.prepaid.addPackage(ADMIN, {
        contractId: contract.id,
        kind: 'SUBSCRIPTION',
        minutesPerMonth: 60,
        startsOn: '2025-03-01',
        endsOn: null,
        allowOverdraft: false,
        reactionWorkingMinutes: null,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'preset imc-typical has no prepaid hour packages; presets with packages: infocraft-365',
    });
  });

  it('a package that has not started yet does not make work prepaid (it is recorded as not prepaid)', async () => {
    const { contract } = await customer(h.app, 'infocraft-365', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    await h.app.prepaid.addPackage(ADMIN, {
      contractId: contract.id,
      kind: 'SUBSCRIPTION',
      minutesPerMonth: 100,
      startsOn: '2025-04-01',
      endsOn: null,
      allowOverdraft: false,
      reactionWorkingMinutes: null,
    });
    const ticket = await h.ticket(contract, 'SUPPORT');
    // It is 10 March: the package starts in April.
    const entry = await h.app.timeLogging.logTime(ENGINEER, work(ticket.ticketId, 30));
    expect(entry).toMatchObject({ billing: 'NOT_PREPAID', debitedMinutes: 0 });
  });

  it('R-CON-7: customisation is priced by the hour, refused beyond 15 % of the total value unless an ADMIN overrides, 80 % reported once', async () => {
    const { contract } = await customer(
      h.app,
      'kz-supplier',
      { startsOn: '2025-01-01', endsOn: '2025-12-31' },
      { totalValue: 1_000_000, customizationHourlyRate: 15_000 },
    );
    const ticket = await h.ticket(contract, 'IMPROVEMENT');

    // 240 min = 4 h x 15,000 = 60,000.
    expect(await h.app.timeLogging.logTime(ENGINEER, work(ticket.ticketId, 240))).toMatchObject({
      billing: 'CUSTOMIZATION',
      amount: '60000.00',
    });
    expect(await h.events('contracts.customization.cap_nearing')).toEqual([]);
    // 300 min = 5 h = 75,000; spent 135,000 >= 80 % of the cap 150,000 (= 120,000): reported.
    await h.app.timeLogging.logTime(ENGINEER, work(ticket.ticketId, 300));
    const nearing = (await h.events('contracts.customization.cap_nearing')).map((e) => e.data);
    expect(nearing).toEqual([
      { contractId: contract.id, organizationId: contract.organizationId, capAmount: 150_000, spentAmount: 135_000 },
    ]);
    // 120 min = 30,000 -> 165,000 > 150,000: refused.
    await expect(h.app.timeLogging.logTime(ENGINEER, work(ticket.ticketId, 120))).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        "Customisation work is capped at 15 % of the contract's total value (R-CON-7): cap 150000, spent 135000, this work costs 30000; " +
        'an ADMIN may log it with overrideCustomizationCap: true',
    });
    await expect(
      h.app.timeLogging.logTime(ENGINEER, work(ticket.ticketId, 120, { override: true })),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only an ADMIN may override the customisation cap (R-CON-7)',
    });
    const overridden = await h.app.timeLogging.logTime(ADMIN, work(ticket.ticketId, 120, { override: true }));
    expect(overridden).toMatchObject({ capOverridden: true, amount: '30000.00' });
    // 60,000 + 75,000 + 30,000 = 165,000; the nearing event stays one.
    expect((await h.app.timeLogging.spentByContracts([contract.id])).get(contract.id)).toBe(16_500_000);
    expect(await h.events('contracts.customization.cap_nearing')).toHaveLength(1);
  });
});
