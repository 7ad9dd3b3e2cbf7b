import type { ContractEntity } from '../src/infra/entities';
import { LedgerEntryEntity } from '../src/infra/prepaid.entities';
import { ADMIN, ContractsHarness, customer, DISPATCHER, ENGINEER } from './support/harness';

/**
 * R-CON-3 carry-over: unused subscription minutes carry into the next month only when that
 * month is paid on time (before it begins, in the contract's zone); one-off minutes never do.
 * Every figure is worked out by hand in the comments.
 */
describe('carry-over of prepaid minutes (R-CON-3)', () => {
  let h: ContractsHarness;

  beforeAll(async () => {
    h = await ContractsHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function infocraft(
    period: { startsOn: string; endsOn: string },
    packages: { kind: 'SUBSCRIPTION' | 'ONE_OFF'; minutes: number; startsOn: string }[],
  ) {
    const { contract } = await customer(h.app, 'infocraft-365', period);
    for (const p of packages) {
      await h.app.prepaid.addPackage(ADMIN, {
        contractId: contract.id,
        kind: p.kind,
        minutesPerMonth: p.minutes,
        startsOn: p.startsOn,
        endsOn: null,
        allowOverdraft: false,
        reactionWorkingMinutes: null,
      });
    }
    const ticket = await h.ticket(contract, 'SUPPORT');
    const debit = (minutes: number) =>
      h.app.timeLogging.logTime(ENGINEER, {
        ticketId: ticket.ticketId,
        minutes,
        note: null,
        serviceCode: null,
        idempotencyKey: null,
        overrideCustomizationCap: false,
      });
    return { contract, debit };
  }

  async function month(contract: ContractEntity, m: string) {
    return (await h.app.prepaidReads.balances([contract], m)).get(contract.id)!;
  }

  async function ledger(contract: ContractEntity) {
    const rows = await h.runtime.dataSource
      .getRepository(LedgerEntryEntity)
      .find({ where: { contractId: contract.id }, order: { id: 'ASC' } });
    return rows.map((r) => `${r.month} ${r.kind} ${r.minutes}`);
  }

  it('next month paid on time: the unused subscription minutes are carried over', async () => {
    h.setClock('2025-03-10T09:00:00+03:00');
    const { contract, debit } = await infocraft({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, [
      { kind: 'SUBSCRIPTION', minutes: 600, startsOn: '2025-03-01' },
    ]);
    await debit(200);
    h.setClock('2025-03-20T12:00:00+03:00');
    await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2025-04');

    h.setClock('2025-04-02T09:00:00+03:00');
    await h.app.prepaid.rollOverAll();

    // March: 600 granted - 200 used = 400 unused, all from the subscription -> carried.
    expect(await month(contract, '2025-03')).toMatchObject({
      granted: 600,
      used: 200,
      carriedOut: 400,
      expired: 0,
      remaining: 0,
      closed: true,
    });
    // April: 600 granted + 400 carried = 1000.
    expect(await month(contract, '2025-04')).toMatchObject({
      granted: 600,
      carriedIn: 400,
      used: 0,
      remaining: 1000,
      closed: false,
    });
    expect(await ledger(contract)).toEqual([
      '2025-03 GRANT 600',
      '2025-03 DEBIT -200',
      '2025-03 CARRY_OUT -400',
      '2025-04 GRANT 600',
      '2025-04 CARRY_IN 400',
    ]);
    expect(
      (await h.app.prepaidReads.paymentsOf([contract.id])).get(contract.id)!.map((p) => [p.month, p.onTime]),
    ).toEqual([['2025-04', true]]);
  });

  it('next month paid late: nothing is carried, the unused minutes expire', async () => {
    h.setClock('2025-03-10T09:00:00+03:00');
    const { contract, debit } = await infocraft({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, [
      { kind: 'SUBSCRIPTION', minutes: 600, startsOn: '2025-03-01' },
    ]);
    await debit(200);
    // Paid on 1 April, 10:00 Moscow: April has begun, the payment is late.
    h.setClock('2025-04-01T10:00:00+03:00');
    await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2025-04');
    await h.app.prepaid.rollOverAll();

    // March: 600 - 200 = 400 unused, not carried -> expired.
    expect(await month(contract, '2025-03')).toMatchObject({ carriedOut: 0, expired: 400, remaining: 0 });
    expect(await month(contract, '2025-04')).toMatchObject({ granted: 600, carriedIn: 0, remaining: 600 });
    expect(
      (await h.app.prepaidReads.paymentsOf([contract.id])).get(contract.id)!.map((p) => [p.month, p.onTime]),
    ).toEqual([['2025-04', false]]);
  });

  it('one-off minutes last their month only, even when the next month is paid on time', async () => {
    h.setClock('2025-03-10T09:00:00+03:00');
    const { contract, debit } = await infocraft({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, [
      { kind: 'ONE_OFF', minutes: 300, startsOn: '2025-03-05' },
    ]);
    await debit(100);
    await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2025-04');
    h.setClock('2025-04-02T09:00:00+03:00');
    await h.app.prepaid.rollOverAll();

    // March: 300 - 100 = 200 unused one-off minutes -> expired; April has no package.
    expect(await month(contract, '2025-03')).toMatchObject({ granted: 300, used: 100, carriedOut: 0, expired: 200 });
    expect(await month(contract, '2025-04')).toMatchObject({ granted: 0, carriedIn: 0, remaining: 0, exhausted: true });
  });

  it('subscription and one-off together: one-off minutes are spent first, only subscription minutes carry', async () => {
    h.setClock('2025-03-10T09:00:00+03:00');
    const { contract, debit } = await infocraft({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, [
      { kind: 'SUBSCRIPTION', minutes: 600, startsOn: '2025-03-01' },
      { kind: 'ONE_OFF', minutes: 300, startsOn: '2025-03-01' },
    ]);
    await debit(100);
    await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2025-04');
    h.setClock('2025-04-01T09:00:00+03:00');
    await h.app.prepaid.rollOverAll();

    // March: 900 granted - 100 used = 800 unused; the 100 came from the one-off (300 -> 200 left),
    // so the subscription's 600 are untouched: 600 carried, the one-off's 200 expire.
    expect(await month(contract, '2025-03')).toMatchObject({ granted: 900, used: 100, carriedOut: 600, expired: 200 });
    // April: the subscription's 600 + 600 carried = 1200.
    expect(await month(contract, '2025-04')).toMatchObject({ granted: 600, carriedIn: 600, remaining: 1200 });
  });

  it('across a year boundary, and carried minutes never carry a second time', async () => {
    h.setClock('2025-12-10T09:00:00+03:00');
    const { contract, debit } = await infocraft({ startsOn: '2025-01-01', endsOn: '2026-12-31' }, [
      { kind: 'SUBSCRIPTION', minutes: 600, startsOn: '2025-12-01' },
    ]);
    await debit(50);
    await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2026-01');
    await h.app.prepaid.recordPayment(DISPATCHER, contract.id, '2026-02');

    h.setClock('2026-01-05T09:00:00+03:00');
    await h.app.prepaid.rollOverAll();
    // December: 600 - 50 = 550 carried into January: 600 + 550 = 1150.
    expect(await month(contract, '2025-12')).toMatchObject({ carriedOut: 550, expired: 0 });
    expect(await month(contract, '2026-01')).toMatchObject({ granted: 600, carriedIn: 550, remaining: 1150 });

    h.setClock('2026-02-02T09:00:00+03:00');
    await h.app.prepaid.rollOverAll();
    // January unused 1150: only January's own 600 subscription minutes carry; the 550 carried
    // from December expire. February: 600 + 600 = 1200.
    expect(await month(contract, '2026-01')).toMatchObject({ carriedOut: 600, expired: 550, remaining: 0 });
    expect(await month(contract, '2026-02')).toMatchObject({ granted: 600, carriedIn: 600, remaining: 1200 });
  });

  it("in the contract's zone around midnight: 23:59 Moscow is on time, 00:01 Moscow (still 31 March in UTC) is late", async () => {
    h.setClock('2025-03-10T09:00:00+03:00');
    const onTime = await infocraft({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, [
      { kind: 'SUBSCRIPTION', minutes: 600, startsOn: '2025-03-01' },
    ]);
    const late = await infocraft({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, [
      { kind: 'SUBSCRIPTION', minutes: 600, startsOn: '2025-03-01' },
    ]);

    // 31 March 23:59 Moscow = 20:59 UTC: still March in Moscow.
    h.setClock('2025-03-31T20:59:00Z');
    await h.app.prepaid.recordPayment(DISPATCHER, onTime.contract.id, '2025-04');
    // 1 April 00:01 Moscow = 31 March 21:01 UTC: April in Moscow, so this payment is late,
    // and work logged now is April's.
    h.setClock('2025-03-31T21:01:00Z');
    await h.app.prepaid.recordPayment(DISPATCHER, late.contract.id, '2025-04');
    const aprilWork = await late.debit(30);
    expect(aprilWork.month).toBe('2025-04');
    await h.app.prepaid.rollOverAll();

    // On time: March's 600 unused carried; April 600 + 600 = 1200.
    expect(await month(onTime.contract, '2025-04')).toMatchObject({ carriedIn: 600, remaining: 1200 });
    // Late: March's 600 expire; April 600 - 30 = 570.
    expect(await month(late.contract, '2025-03')).toMatchObject({ expired: 600, used: 0 });
    expect(await month(late.contract, '2025-04')).toMatchObject({ carriedIn: 0, used: 30, remaining: 570 });
  });

  it("a used-up month raises prepaid.exhausted; the next month's minutes raise prepaid.replenished (R-CON-6)", async () => {
    h.setClock('2025-05-12T09:00:00+03:00');
    const { contract, debit } = await infocraft({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, [
      { kind: 'SUBSCRIPTION', minutes: 120, startsOn: '2025-05-01' },
    ]);
    await debit(120);
    await expect(debit(1)).rejects.toMatchObject({ code: 'CONFLICT' });
    h.setClock('2025-06-02T09:00:00+03:00');
    await h.app.prepaid.rollOverAll();

    const of = (events: { data: { contractId: string; month: string; remainingMinutes: number } }[]) =>
      events.filter((e) => e.data.contractId === contract.id).map((e) => [e.data.month, e.data.remainingMinutes]);
    // May: 120 - 120 = 0 -> exhausted; June: 120 granted (May unused 0, nothing carried) -> replenished.
    expect(of(await h.events('contracts.prepaid.exhausted'))).toEqual([['2025-05', 0]]);
    expect(of(await h.events('contracts.prepaid.replenished'))).toEqual([['2025-06', 120]]);
  });
});
