import type { Clock } from '@reglament/shared/platform';
import { monthOf, type MonthKey, parseMonth } from '../domain/months';
import { type MonthTotals, packageTerms, rollForward, totalsOf } from '../domain/prepaid';
import type { ContractEntity } from '../infra/contract.entities';
import type { HourPackageEntity, PaymentEntity } from '../infra/prepaid.entities';
import type { PrepaidStore } from '../infra/prepaid-store';
import { afterId, type Page } from './paging';

/** A month of a contract's prepaid time as the API shows it. */
export interface BalanceView extends MonthTotals {
  exhausted: boolean;
  /** The month is over (its unused minutes carried over or expired). */
  closed: boolean;
}

/** Reads of prepaid time (R-CON-3): balances, packages, payments and the ledger of contracts the caller may see. */
export class PrepaidReads {
  constructor(
    private readonly store: PrepaidStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Balances of contracts for a month (default: the current month in each contract's zone);
   * null for a contract without packages. A month the sweep has not opened yet is projected
   * with the same plan the sweep will write, so a read never waits for it.
   */
  async balances(contracts: readonly ContractEntity[], month?: MonthKey): Promise<Map<string, BalanceView | null>> {
    const result = new Map<string, BalanceView | null>();
    if (contracts.length === 0) return result;
    const ids = contracts.map((c) => c.id);
    const { packages: packageRows, accounts, payments } = await this.store.balanceInputs(ids);
    const now = this.clock.now();
    const plans = contracts.map((contract) => {
      const packages = packageRows
        .filter((p) => p.contractId === contract.id)
        .map((p) => packageTerms(p, contract.endsOn));
      const account = accounts.find((a) => a.contractId === contract.id) ?? null;
      const current = monthOf(now, contract.timeZone);
      const target = month ?? current;
      const opened = account?.openedThrough ?? null;
      const readMonth = opened !== null && target <= opened ? target : opened;
      return { contract, packages, current, target, opened, readMonth };
    });
    const sums = await this.store.readSums(ids, [
      ...new Set(plans.map((p) => p.readMonth).filter((m): m is string => m !== null)),
    ]);
    for (const plan of plans) {
      const { contract, packages, target } = plan;
      if (packages.length === 0) {
        result.set(contract.id, null);
        continue;
      }
      const read =
        plan.readMonth === null
          ? null
          : totalsOf(plan.readMonth, sums.get(`${contract.id}/${plan.readMonth}`) ?? [], packages);
      let totals: MonthTotals | null;
      if (plan.readMonth === target) {
        totals = read;
      } else {
        const projected = rollForward({
          openedThrough: plan.opened,
          openedTotals: read,
          packages,
          paidOnTime: (m) => payments.some((p) => p.contractId === contract.id && p.month === m && p.onTime),
          target,
        });
        totals = projected.openedThrough === target ? projected.totals : null;
      }
      const view = totals ?? totalsOf(target, [], packages);
      result.set(contract.id, { ...view, exhausted: view.remaining <= 0, closed: target < plan.current });
    }
    return result;
  }

  async packagesOf(contractIds: readonly string[]): Promise<Map<string, HourPackageEntity[]>> {
    return groupByContract(contractIds, await this.store.packagesOf(contractIds));
  }

  async paymentsOf(contractIds: readonly string[]): Promise<Map<string, PaymentEntity[]>> {
    return groupByContract(contractIds, await this.store.paymentsOf(contractIds));
  }

  ledger(contract: ContractEntity, filter: { month: string | null }, page: Page) {
    const after = afterId(page.after);
    const month = filter.month ? parseMonth(filter.month) : null;
    return this.store.ledgerPage(contract.id, month, { first: page.first, after });
  }
}

function groupByContract<T extends { contractId: string }>(
  contractIds: readonly string[],
  rows: T[],
): Map<string, T[]> {
  const grouped = new Map<string, T[]>(contractIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.contractId)?.push(row);
  return grouped;
}
