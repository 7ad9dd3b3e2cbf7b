import { AppError } from '@reglament/shared/domain';
import { LedgerEntryEntity, TimeEntryEntity } from '../src/infra/prepaid.entities';
import { ADMIN, ContractsHarness, customer, ENGINEER } from './support/harness';

/**
 * R-CON-3 / R-CON-6 under load: 1,000 debits at once against one prepaid balance, on a real
 * PostgreSQL with a pool of 10 connections (every debit its own transaction, all racing for
 * the contract's prepaid_accounts row). Balances are computed by hand in the comments.
 */
describe('prepaid debits under concurrency (R-CON-3)', () => {
  let h: ContractsHarness;

  beforeAll(async () => {
    h = await ContractsHarness.start();
    // Monday 10 March 2025, 09:00 Moscow.
    h.setClock('2025-03-10T09:00:00+03:00');
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function prepaidContract(minutesPerMonth: number, allowOverdraft: boolean) {
    const { contract } = await customer(h.app, 'infocraft-365', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    await h.app.prepaid.addPackage(ADMIN, {
      contractId: contract.id,
      kind: 'SUBSCRIPTION',
      minutesPerMonth,
      startsOn: '2025-03-01',
      endsOn: null,
      allowOverdraft,
      reactionWorkingMinutes: null,
    });
    const ticket = await h.ticket(contract, 'SUPPORT');
    return { contract, ticket };
  }

  async function ledgerOf(contractId: string) {
    return h.runtime.dataSource.getRepository(LedgerEntryEntity).findBy({ contractId });
  }

  it('no-overdraft package: exactly 600 of 1,000 one-minute debits pass, the rest are refused saying why', async () => {
    const { contract, ticket } = await prepaidContract(600, false);

    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, () =>
        h.app.timeLogging.logTime(ENGINEER, {
          ticketId: ticket.ticketId,
          minutes: 1,
          note: null,
          serviceCode: null,
          idempotencyKey: null,
          overrideCustomizationCap: false,
        }),
      ),
    );

    const passed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // 600 minutes granted, 1 minute each: 600 debits fit, 400 do not.
    expect(passed).toHaveLength(600);
    expect(refused).toHaveLength(400);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).code).toBe('CONFLICT');
      expect((reason as AppError).message).toMatch(/^Not enough prepaid minutes: 0 left in 2025-03/);
      expect((reason as AppError).details).toEqual({ remainingMinutes: 0, requestedMinutes: 1 });
    }

    const ledger = await ledgerOf(contract.id);
    const debits = ledger.filter((e) => e.kind === 'DEBIT');
    expect(debits).toHaveLength(600);
    expect(debits.every((e) => e.minutes === -1)).toBe(true);
    // Every debit points at its own time entry: none doubled.
    expect(new Set(debits.map((e) => e.timeEntryId)).size).toBe(600);
    expect(await h.runtime.dataSource.getRepository(TimeEntryEntity).countBy({ contractId: contract.id })).toBe(600);
    // Grant 600 - 600 x 1 = 0; the balance is the sum of the ledger.
    expect(ledger.reduce((sum, e) => sum + e.minutes, 0)).toBe(0);
    const balance = (await h.app.prepaidReads.balances([contract])).get(contract.id)!;
    expect(balance).toMatchObject({ month: '2025-03', granted: 600, used: 600, remaining: 0, exhausted: true });
    // R-CON-6: reaching zero is published once, not by every late debit.
    const exhausted = (await h.events('contracts.prepaid.exhausted')).filter((e) => e.data.contractId === contract.id);
    expect(exhausted.map((e) => e.data)).toEqual([
      { contractId: contract.id, organizationId: contract.organizationId, month: '2025-03', remainingMinutes: 0 },
    ]);
  });

  it('overdraft package: all 1,000 three-minute debits apply, the final balance is exact', async () => {
    const { contract, ticket } = await prepaidContract(2000, true);

    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, () =>
        h.app.timeLogging.logTime(ENGINEER, {
          ticketId: ticket.ticketId,
          minutes: 3,
          note: null,
          serviceCode: null,
          idempotencyKey: null,
          overrideCustomizationCap: false,
        }),
      ),
    );

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const ledger = await ledgerOf(contract.id);
    expect(ledger.filter((e) => e.kind === 'DEBIT')).toHaveLength(1000);
    // 2000 - 1000 x 3 = -1000 (overdraft allowed).
    expect(ledger.reduce((sum, e) => sum + e.minutes, 0)).toBe(-1000);
    const balance = (await h.app.prepaidReads.balances([contract])).get(contract.id)!;
    expect(balance).toMatchObject({ granted: 2000, used: 3000, remaining: -1000, exhausted: true });
    const exhausted = (await h.events('contracts.prepaid.exhausted')).filter((e) => e.data.contractId === contract.id);
    expect(exhausted).toHaveLength(1);
  });

  it('every debit sent twice at once with the same idempotency key applies once', async () => {
    const { contract, ticket } = await prepaidContract(5000, false);

    const keys = Array.from({ length: 500 }, (_, i) => `retry-${i}`);
    const results = await Promise.all(
      [...keys, ...keys].map((idempotencyKey) =>
        h.app.timeLogging.logTime(ENGINEER, {
          ticketId: ticket.ticketId,
          minutes: 2,
          note: null,
          serviceCode: null,
          idempotencyKey,
          overrideCustomizationCap: false,
        }),
      ),
    );

    // Both answers of a key are the same entry.
    for (let i = 0; i < 500; i++) expect(results[i]!.id).toBe(results[i + 500]!.id);
    expect(new Set(results.map((r) => r.id)).size).toBe(500);
    const ledger = await ledgerOf(contract.id);
    expect(ledger.filter((e) => e.kind === 'DEBIT')).toHaveLength(500);
    // 5000 - 500 x 2 = 4000.
    expect(ledger.reduce((sum, e) => sum + e.minutes, 0)).toBe(4000);
  });

  it('a retry with the same key answers the first entry; the same key for other work is refused', async () => {
    const { contract, ticket } = await prepaidContract(100, false);
    const work = {
      ticketId: ticket.ticketId,
      minutes: 15,
      note: 'call',
      serviceCode: null,
      idempotencyKey: 'once',
      overrideCustomizationCap: false,
    };

    const first = await h.app.timeLogging.logTime(ENGINEER, work);
    const retry = await h.app.timeLogging.logTime(ENGINEER, work);
    expect(retry.id).toBe(first.id);
    await expect(h.app.timeLogging.logTime(ENGINEER, { ...work, minutes: 20 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^idempotencyKey was already used for other work/),
    });
    // 100 - 15 = 85: applied once.
    expect((await h.app.prepaidReads.balances([contract])).get(contract.id)!.remaining).toBe(85);
  });
});
