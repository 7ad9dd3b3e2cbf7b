import { type Caller, newId } from '@reglament/shared/domain';
import { Statements } from '../src/application/statements';
import { PrepaidStore } from '../src/infra/prepaid-store';
import { StatementStore } from '../src/infra/statement-store';
import type { ContractEntity } from '../src/infra/entities';
import { ADMIN, ContractsHarness, customer, DISPATCHER, ENGINEER } from './support/harness';

/**
 * Issue 19, R-CON-3..7: the monthly statement of an infocraft-365 contract across a carry-over
 * boundary, once with April paid on time and once paid late. Every figure is worked out by hand
 * in the comments, and the prepaid figures are also checked against an independent SQL sum of
 * the ledger rows.
 */
describe('monthlyStatement (R-CON-3..7)', () => {
  let h: ContractsHarness;

  beforeAll(async () => {
    h = await ContractsHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /**
   * The same work on a contract: a 600-minute subscription and a 120-minute one-off package
   * from March; customisation at 3000 an hour of a 200 000 contract (cap 15 % = 30 000).
   */
  async function infocraftWithWork(aprilPaidOnTime: boolean) {
    h.setClock('2025-03-10T09:00:00+03:00');
    const { organization, contract } = await customer(
      h.app,
      'infocraft-365',
      { startsOn: '2025-01-01', endsOn: '2025-12-31' },
      { totalValue: 200_000, customizationHourlyRate: 3000 },
    );
    for (const [kind, minutes] of [
      ['SUBSCRIPTION', 600],
      ['ONE_OFF', 120],
    ] as const) {
      await h.app.prepaid.addPackage(ADMIN, {
        contractId: contract.id,
        kind,
        minutesPerMonth: minutes,
        startsOn: '2025-03-01',
        endsOn: null,
        allowOverdraft: false,
        reactionWorkingMinutes: null,
      });
    }
    const support = await h.ticket(contract, 'SUPPORT');
    const error = await h.ticket(contract, 'ERROR');
    const improvement = await h.ticket(contract, 'IMPROVEMENT');
    const time = (ticketId: string, minutes: number) =>
      h.app.timeLogging.logTime(ENGINEER, {
        ticketId,
        minutes,
        note: null,
        serviceCode: null,
        idempotencyKey: null,
        overrideCustomizationCap: false,
      });
    // March: 60 + 20 per minute on the support ticket, IC.3 at its 30-minute norm (it took 45),
    // 40 free minutes on the error, 90 customisation minutes.
    await time(support.ticketId, 60);
    await time(support.ticketId, 20);
    await h.app.timeLogging.logServiceWork(ENGINEER, {
      ticketId: support.ticketId,
      serviceCode: 'IC.3',
      actualMinutes: 45,
      note: null,
      idempotencyKey: null,
      overrideCustomizationCap: false,
    });
    await time(error.ticketId, 40);
    await time(improvement.ticketId, 90);
    if (aprilPaidOnTime) {
      h.setClock('2025-03-20T12:00:00+03:00');
      await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2025-04');
      h.setClock('2025-04-02T09:00:00+03:00');
    } else {
      // 1 April 10:00 Moscow: April has begun, the payment is late.
      h.setClock('2025-04-01T10:00:00+03:00');
      await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2025-04');
    }
    await h.app.prepaid.rollOverAll();
    // April: 100 per minute on the support ticket, 30 customisation minutes, an admin's +15.
    await time(support.ticketId, 100);
    await time(improvement.ticketId, 30);
    await h.app.prepaid.correct(ADMIN, { contractId: contract.id, minutes: 15, reason: 'goodwill' });
    const customerCaller: Caller = {
      kind: 'user',
      id: newId(),
      role: 'CUSTOMER',
      organizationId: organization.id,
      name: 'Customer',
    };
    return { contract, support, error, improvement, customerCaller };
  }

  /** The ledger of a month summed by kind straight from the table (not through the statement's code). */
  async function ledgerSums(contract: ContractEntity, month: string) {
    const rows = (await h.runtime.dataSource.query(
      `SELECT kind, SUM(minutes)::int AS minutes, count(*)::int AS n FROM prepaid_ledger
        WHERE contract_id = $1 AND month = $2 GROUP BY kind`,
      [contract.id, month],
    )) as { kind: string; minutes: number; n: number }[];
    const of = (kind: string) => rows.find((r) => r.kind === kind)?.minutes ?? 0;
    return {
      granted: of('GRANT'),
      carriedIn: of('CARRY_IN'),
      // 0 - x: a missing kind is 0, not -0.
      used: 0 - (of('DEBIT') + of('NORM_DEBIT')),
      corrections: of('CORRECTION'),
      carriedOut: 0 - of('CARRY_OUT'),
      expired: 0 - of('EXPIRY'),
      balance: rows.reduce((sum, r) => sum + r.minutes, 0),
      rows: rows.reduce((sum, r) => sum + r.n, 0),
    };
  }

  it('April paid on time: March carries its unused subscription minutes into April', async () => {
    const { contract, support, error, improvement, customerCaller } = await infocraftWithWork(true);
    const march = await h.app.statements.monthly(customerCaller, contract.id, '2025-03');

    // March: granted 600 + 120 = 720; used 60 + 20 per minute + 30 by norm = 110.
    // The 110 come from the one-off first (120 -> 10 left), so the subscription's 600 are
    // untouched: 720 - 110 = 610 unused; 600 carried (April paid on time), the one-off's 10 expire.
    expect(march.prepaid).toEqual({
      granted: 720,
      grantedSubscription: 600,
      carriedIn: 0,
      opening: 720,
      usedPerMinute: 80,
      usedByNorm: 30,
      used: 110,
      corrections: 0,
      carriedOut: 600,
      expired: 10,
      balance: 0,
      overageMinutes: 0,
    });
    // R-CON-5: the error's 40 minutes are free; R-CON-4: IC.3 billed 30 (norm), took 45.
    expect(march).toMatchObject({ freeMinutes: 40, normMinutes: 30, normActualMinutes: 45, notPrepaidMinutes: 0 });
    expect(march).toMatchObject({ opened: true, final: true, lineCount: 4 });
    // R-CON-7: 90 min x 3000 / 60 = 4500; cap 15 % of 200 000 = 30 000; 4500 / 30 000 = 0.15.
    expect(march.customization).toEqual({
      minutes: 90,
      amountCents: 450_000,
      spentThroughMonthCents: 450_000,
      capCents: 3_000_000,
      capPercent: 15,
      monthShareOfCap: 0.15,
      spentShareOfCap: 0.15,
    });
    const line = (ticketId: string, kind: string) =>
      march.lines.find((l) => l.ticketId === ticketId && l.kind === kind);
    expect(line(support.ticketId, 'TIME')).toMatchObject({
      billing: 'PREPAID',
      entries: 2,
      minutes: 80,
      debitedMinutes: 80,
    });
    expect(line(support.ticketId, 'SERVICE_WORK')).toMatchObject({
      serviceCode: 'IC.3',
      minutes: 30,
      actualMinutes: 45,
      debitedMinutes: 30,
    });
    expect(line(error.ticketId, 'TIME')).toMatchObject({ billing: 'FREE', minutes: 40, debitedMinutes: 0 });
    expect(line(improvement.ticketId, 'TIME')).toMatchObject({
      billing: 'CUSTOMIZATION',
      minutes: 90,
      amountCents: 450_000,
    });
    expect(march.payment).toBeNull();
    expect(march.nextMonthPayment).toMatchObject({ month: '2025-04', onTime: true });
    // Reconciled: the entries' debits (80 + 30) equal the ledger's DEBIT and NORM_DEBIT rows;
    // rows: 2 grants, 2 debits, 1 norm debit, 1 carry-out, 1 expiry = 7.
    expect(march.reconciliation).toEqual({
      ledgerRows: 7,
      debitedByEntries: 110,
      debitedByLedger: 110,
      balanced: true,
    });
    expect(await ledgerSums(contract, '2025-03')).toEqual({
      granted: march.prepaid!.granted,
      carriedIn: march.prepaid!.carriedIn,
      used: march.prepaid!.used,
      corrections: march.prepaid!.corrections,
      carriedOut: march.prepaid!.carriedOut,
      expired: march.prepaid!.expired,
      balance: march.prepaid!.balance,
      rows: march.reconciliation.ledgerRows,
    });

    // April: 600 granted + 600 carried in = 1200; 100 used; +15 corrected -> 1115 left.
    const april = await h.app.statements.monthly(DISPATCHER, contract.id, '2025-04');
    expect(april.prepaid).toMatchObject({
      granted: 600,
      carriedIn: 600,
      opening: 1200,
      used: 100,
      corrections: 15,
      carriedOut: 0,
      expired: 0,
      balance: 1115,
    });
    expect(april).toMatchObject({ opened: true, final: false });
    // 30 min x 3000 / 60 = 1500 this month (0.05 of the cap); 4500 + 1500 = 6000 so far (0.2).
    expect(april.customization).toMatchObject({
      amountCents: 150_000,
      spentThroughMonthCents: 600_000,
      monthShareOfCap: 0.05,
      spentShareOfCap: 0.2,
    });
    expect(april.payment).toMatchObject({ month: '2025-04', onTime: true });
    const aprilLedger = await ledgerSums(contract, '2025-04');
    expect(aprilLedger).toMatchObject({ granted: 600, carriedIn: 600, used: 100, corrections: 15, balance: 1115 });
    expect(april.reconciliation).toMatchObject({ ledgerRows: aprilLedger.rows, balanced: true });
  });

  it('April paid late: nothing carries, March’s 610 unused minutes expire', async () => {
    const { contract } = await infocraftWithWork(false);
    const march = await h.app.statements.monthly(DISPATCHER, contract.id, '2025-03');
    // 720 - 110 = 610 unused; April was paid after it began: all 610 expire.
    expect(march.prepaid).toMatchObject({ granted: 720, used: 110, carriedOut: 0, expired: 610, balance: 0 });
    expect(march.nextMonthPayment).toMatchObject({ month: '2025-04', onTime: false });
    const april = await h.app.statements.monthly(DISPATCHER, contract.id, '2025-04');
    // April: 600 granted, nothing carried; 600 - 100 + 15 = 515.
    expect(april.prepaid).toMatchObject({ granted: 600, carriedIn: 0, opening: 600, used: 100, balance: 515 });
    for (const month of ['2025-03', '2025-04']) {
      const statement = month === '2025-03' ? march : april;
      expect(await ledgerSums(contract, month)).toMatchObject({
        granted: statement.prepaid!.granted,
        carriedIn: statement.prepaid!.carriedIn,
        used: statement.prepaid!.used,
        carriedOut: statement.prepaid!.carriedOut,
        expired: statement.prepaid!.expired,
        balance: statement.prepaid!.balance,
      });
    }
  });

  it('overdraft: prepaid work beyond the month is billable overage (R-CON-3)', async () => {
    h.setClock('2025-05-05T09:00:00+03:00');
    const { contract } = await customer(h.app, 'infocraft-365', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    await h.app.prepaid.addPackage(ADMIN, {
      contractId: contract.id,
      kind: 'SUBSCRIPTION',
      minutesPerMonth: 60,
      startsOn: '2025-05-01',
      endsOn: null,
      allowOverdraft: true,
      reactionWorkingMinutes: null,
    });
    const ticket = await h.ticket(contract, 'SUPPORT');
    await h.app.timeLogging.logTime(ENGINEER, {
      ticketId: ticket.ticketId,
      minutes: 95,
      note: null,
      serviceCode: null,
      idempotencyKey: null,
      overrideCustomizationCap: false,
    });
    // 60 granted - 95 used = -35: 35 minutes beyond the package.
    const may = await h.app.statements.monthly(DISPATCHER, contract.id, '2025-05');
    expect(may.prepaid).toMatchObject({ granted: 60, used: 95, balance: -35, overageMinutes: 35 });
    // No cap without a total value.
    expect(may.customization).toMatchObject({ capCents: null, monthShareOfCap: null });
  });

  it('lists at most the line cap, while the totals and lineCount count every line', async () => {
    const { contract } = await infocraftWithWork(true);
    const dataSource = h.runtime.dataSource;
    // A cap of 2 lines instead of 2000: March has 4 lines (support per minute, support IC.3,
    // error, improvement).
    const capped = new Statements(
      h.app.contracts,
      new StatementStore(dataSource),
      new PrepaidStore(dataSource),
      h.clock,
      2,
    );
    const march = await capped.monthly(DISPATCHER, contract.id, '2025-03');
    expect(march.lines).toHaveLength(2);
    expect(march).toMatchObject({ lineCount: 4, freeMinutes: 40, normMinutes: 30 });
    expect(march.prepaid).toMatchObject({ used: 110 });
    expect(march.customization).toMatchObject({ minutes: 90 });
  });

  it("refuses another organization's contract, future months and months outside the contract", async () => {
    const { contract } = await infocraftWithWork(true);
    const stranger: Caller = { kind: 'user', id: newId(), role: 'CUSTOMER', organizationId: newId(), name: 'X' };
    await expect(h.app.statements.monthly(stranger, contract.id, '2025-03')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Now is 2 April 2025 (Moscow): May has not begun.
    await expect(h.app.statements.monthly(DISPATCHER, contract.id, '2025-05')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('from 2025-01 to 2025-04'),
    });
    await expect(h.app.statements.monthly(DISPATCHER, contract.id, '2024-12')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(h.app.statements.monthly(DISPATCHER, contract.id, '2025-3')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('YYYY-MM'),
    });
    await expect(h.app.statements.monthly({ kind: 'anonymous' }, contract.id, '2025-03')).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|UNAUTHENTICATED|FORBIDDEN/),
    });
  });
});
