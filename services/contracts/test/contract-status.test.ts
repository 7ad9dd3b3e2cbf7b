import { createLogger } from '@reglament/shared/platform';
import { eventually } from '@reglament/shared/testing';
import { ContractClock } from '../src/application/contract-clock';
import { ADMIN, ContractsHarness, customer } from './support/harness';

/**
 * Contract status by the shared clock (issue 4, R-CON-1): DRAFT before the start, EXPIRED after
 * the end date (inclusive) at midnight in the contract's zone, SUSPENDED while a contract-wide
 * prerequisite has lapsed or by hand. Every change is a contracts.contract.status_changed event.
 */
describe('contract status follows the clock', () => {
  let h: ContractsHarness;
  let clockJobs: ContractClock;

  beforeAll(async () => {
    h = await ContractsHarness.start();
    h.setClock('2025-03-10T09:00:00+03:00');
    clockJobs = new ContractClock(
      h.clock,
      [{ name: 'contract statuses', run: () => h.app.contracts.sweepStatuses() }],
      createLogger('test', 'silent'),
      60_000,
    );
    clockJobs.start();
  });
  afterAll(async () => {
    await clockJobs?.stop();
    await h?.stop();
  });

  const changes = async (contractId: string) =>
    (await h.events('contracts.contract.status_changed'))
      .filter((e) => e.data.contractId === contractId)
      .map((e) => `${e.data.previousStatus}->${e.data.status} ${e.occurredAt}`);

  it("expires at midnight after its end date in the contract's zone (Moscow and Almaty), each an event", async () => {
    const moscow = (await customer(h.app, 'imc-typical', { startsOn: '2025-01-01', endsOn: '2025-03-31' })).contract;
    const almaty = (await customer(h.app, 'kz-supplier', { startsOn: '2025-01-01', endsOn: '2025-03-31' })).contract;
    expect([moscow.status, moscow.timeZone, almaty.timeZone]).toEqual(['ACTIVE', 'Europe/Moscow', 'Asia/Almaty']);

    // 1 April 00:00 in Almaty (UTC+5) = 31 March 19:00 UTC; Moscow is still at 22:00 on 31 March.
    h.setClock('2025-03-31T19:00:00Z');
    await eventually(async () => (await changes(almaty.id)).length === 1);
    expect(await changes(almaty.id)).toEqual(['ACTIVE->EXPIRED 2025-03-31T19:00:00.000Z']);
    expect(await changes(moscow.id)).toEqual([]);

    // 1 April 00:00 in Moscow (UTC+3) = 31 March 21:00 UTC.
    h.setClock('2025-03-31T21:00:00Z');
    await eventually(async () => (await changes(moscow.id)).length === 1);
    expect(await changes(moscow.id)).toEqual(['ACTIVE->EXPIRED 2025-03-31T21:00:00.000Z']);
    expect((await h.app.contracts.get(ADMIN, moscow.id)).status).toBe('EXPIRED');
  });

  it('becomes ACTIVE on its start date, and SUSPENDED when a contract-wide prerequisite lapses (R-CON-1)', async () => {
    h.setClock('2025-04-20T09:00:00+03:00');
    const { contract } = await customer(h.app, 'infocraft-365', { startsOn: '2025-05-01', endsOn: '2025-12-31' });
    expect(contract.status).toBe('DRAFT');
    await h.app.contracts.update(ADMIN, contract.id, {
      prerequisites: [{ kind: 'ITS', description: '1C:ITS subscription', validUntil: '2025-05-15', product: null }],
    });

    h.setClock('2025-05-01T00:00:00+03:00');
    await eventually(async () => (await changes(contract.id)).length === 1);
    h.setClock('2025-05-16T00:00:00+03:00');
    await eventually(async () => (await changes(contract.id)).length === 2);
    expect(await changes(contract.id)).toEqual([
      'DRAFT->ACTIVE 2025-04-30T21:00:00.000Z',
      'ACTIVE->SUSPENDED 2025-05-15T21:00:00.000Z',
    ]);

    // The ITS subscription is renewed: active again, at once.
    const renewed = await h.app.contracts.update(ADMIN, contract.id, {
      prerequisites: [{ kind: 'ITS', description: '1C:ITS subscription', validUntil: '2026-05-15', product: null }],
    });
    expect(renewed.status).toBe('ACTIVE');
    expect((await changes(contract.id)).at(-1)).toBe('SUSPENDED->ACTIVE 2025-05-15T21:00:00.000Z');
  });

  it('is suspended and resumed by hand, with the reason in the event', async () => {
    h.setClock('2025-06-02T09:00:00+03:00');
    const { contract } = await customer(h.app, 'asmo', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const suspended = await h.app.contracts.suspend(ADMIN, contract.id, 'invoice 17 unpaid');
    expect(suspended).toMatchObject({ status: 'SUSPENDED', suspensionReason: 'invoice 17 unpaid' });
    const event = (await h.events('contracts.contract.status_changed')).find((e) => e.data.contractId === contract.id)!;
    expect(event.data).toMatchObject({
      status: 'SUSPENDED',
      previousStatus: 'ACTIVE',
      suspensionReason: 'invoice 17 unpaid',
    });
    expect((await h.app.contracts.resume(ADMIN, contract.id)).status).toBe('ACTIVE');
    await expect(h.app.contracts.suspend(ADMIN, contract.id, '  ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
