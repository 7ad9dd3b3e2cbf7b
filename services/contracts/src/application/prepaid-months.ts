import { makeEvent, newId } from '@reglament/shared/domain';
import type { Clock, Tx } from '@reglament/shared/platform';
import { monthOf, type MonthKey, nextMonth, previousMonth } from '../domain/months';
import {
  type MonthTotals,
  type PackageTerms,
  type PlannedEntry,
  rollForward,
  stateChange,
  stateOf,
  totalsOf,
} from '../domain/prepaid';
import type { ContractEntity } from '../infra/contract.entities';
import type { LedgerEntryEntity, PrepaidAccountEntity } from '../infra/prepaid.entities';
import type { PrepaidStore } from '../infra/prepaid-store';
import { origin } from './facts';

/**
 * The months of prepaid time, inside a transaction that holds the contract's account lock
 * (R-CON-3, R-CON-6): opening months (grants, carry-over, expiry), ledger entries, and the
 * exhausted / replenished state. Package changes (prepaid.ts) and debits (time-logging.ts) use it.
 */
export class PrepaidMonths {
  constructor(
    private readonly store: PrepaidStore,
    private readonly clock: Clock,
  ) {}

  /** The row all prepaid changes of one contract serialize on. */
  lock(tx: Tx, contractId: string): Promise<PrepaidAccountEntity> {
    return this.store.lockAccount(tx.manager, contractId);
  }

  packageTerms(tx: Tx, contract: ContractEntity): Promise<PackageTerms[]> {
    return this.store.packageTerms(tx.manager, contract);
  }

  saveAccount(tx: Tx, account: PrepaidAccountEntity): Promise<void> {
    return this.store.saveAccount(tx.manager, account);
  }

  /**
   * Opens every month through the current one (grants, carry-over, expiry) and publishes a
   * change of state. Returns the current month's totals (null: no package month has begun).
   */
  async bringCurrent(
    tx: Tx,
    contract: ContractEntity,
    account: PrepaidAccountEntity,
    known?: readonly PackageTerms[],
  ): Promise<MonthTotals | null> {
    const packages = known ?? (await this.packageTerms(tx, contract));
    const target = monthOf(this.clock.now(), contract.timeZone);
    let totals: MonthTotals | null;
    if (packages.length === 0) {
      totals = null;
    } else if (account.openedThrough !== null && target <= account.openedThrough) {
      totals = await this.monthTotals(tx, contract.id, target, packages);
    } else {
      const opened = account.openedThrough;
      const payments = await this.store.paymentsOfContract(tx.manager, contract.id);
      const plan = rollForward({
        openedThrough: opened,
        openedTotals: opened === null ? null : await this.monthTotals(tx, contract.id, opened, packages),
        packages,
        paidOnTime: (month) => payments.some((p) => p.month === month && p.onTime),
        target,
      });
      await this.append(tx, contract, plan.entries, 'system:contracts');
      account.openedThrough = plan.openedThrough;
      totals = plan.openedThrough === target ? plan.totals : null;
    }
    await this.settle(tx, contract, account, totals, packages.length > 0);
    return totals;
  }

  /** Saves the account and publishes exhausted / replenished when the state changes (R-CON-6). */
  async settle(
    tx: Tx,
    contract: ContractEntity,
    account: PrepaidAccountEntity,
    totals: MonthTotals | null,
    hasPackages = true,
  ): Promise<void> {
    const state = hasPackages ? stateOf(totals) : 'NONE';
    const change = stateChange(account.state, state);
    account.state = state;
    await this.saveAccount(tx, account);
    if (change === null || totals === null) return;
    const data = {
      contractId: contract.id,
      organizationId: contract.organizationId,
      month: totals.month,
      remainingMinutes: totals.remaining,
    };
    const at = this.clock.now();
    tx.emit(
      change === 'exhausted'
        ? makeEvent('contracts.prepaid.exhausted', contract.organizationId, data, origin(at))
        : makeEvent('contracts.prepaid.replenished', contract.organizationId, data, origin(at)),
    );
  }

  /** New ledger entries (the ledger is append-only); a note says why when none is given. */
  async append(
    tx: Tx,
    contract: ContractEntity,
    entries: readonly (PlannedEntry & { timeEntryId?: string | null })[],
    actor: string | null,
    note?: string,
  ): Promise<LedgerEntryEntity[]> {
    if (entries.length === 0) return [];
    const now = this.clock.now();
    const rows: LedgerEntryEntity[] = entries.map((entry) => ({
      id: newId(),
      contractId: contract.id,
      organizationId: contract.organizationId,
      month: entry.month,
      kind: entry.kind,
      minutes: entry.minutes,
      packageId: entry.packageId,
      timeEntryId: entry.timeEntryId ?? null,
      note: note ?? defaultNote(entry),
      createdAt: now,
      createdBy: actor,
    }));
    await this.store.appendEntries(tx.manager, rows);
    return rows;
  }

  async monthTotals(
    tx: Tx,
    contractId: string,
    month: MonthKey,
    packages: readonly PackageTerms[],
  ): Promise<MonthTotals> {
    const sums = await this.store.sums(tx.manager, [contractId], [month]);
    return totalsOf(month, sums.get(`${contractId}/${month}`) ?? [], packages);
  }
}

function defaultNote(entry: PlannedEntry): string | null {
  switch (entry.kind) {
    case 'GRANT':
      return `minutes of ${entry.month} from the hour package`;
    case 'CARRY_IN':
      return `unused subscription minutes carried over from ${previousMonth(entry.month)} (R-CON-3)`;
    case 'CARRY_OUT':
      return `carried over to ${nextMonth(entry.month)}, paid on time (R-CON-3)`;
    case 'EXPIRY':
      return 'unused minutes expire at the end of the month (one-off, carried-over, or next month not paid on time; R-CON-3)';
    default:
      return null;
  }
}
