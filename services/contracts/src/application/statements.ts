import { badInput, type Caller } from '@reglament/shared/domain';
import type { Clock } from '@reglament/shared/platform';
import { toCents } from '../domain/customization';
import { monthOf, monthOfDate, type MonthKey, nextMonth, parseMonth } from '../domain/months';
import { packageTerms } from '../domain/prepaid';
import { type MonthlyStatementData, monthlyStatement } from '../domain/statement';
import type { ContractEntity } from '../infra/contract.entities';
import type { PaymentEntity } from '../infra/prepaid.entities';
import type { PrepaidStore } from '../infra/prepaid-store';
import type { StatementStore } from '../infra/statement-store';
import type { Contracts } from './contracts';

/** The most work lines one statement lists (its totals always count every line). */
export const STATEMENT_MAX_LINES = 2000;

export interface MonthlyStatementView extends MonthlyStatementData {
  contract: ContractEntity;
  /** Lines before the cap of STATEMENT_MAX_LINES. */
  lineCount: number;
  /** The month's closing rows (carry-over, expiry) are written: its figures are final. */
  final: boolean;
  /** The month's grants are written (false: the month has not been opened yet). */
  opened: boolean;
  /** The payment of this month, and of the next one (which decides the carry-over, R-CON-3). */
  payment: PaymentEntity | null;
  nextMonthPayment: PaymentEntity | null;
}

/**
 * Monthly statements (R-CON-3..7): a contract's prepaid minutes, free work, customisation and
 * payments of one month in its zone. Staff read any contract's, a customer its own
 * organization's (another's is NOT_FOUND, as if it did not exist).
 */
export class Statements {
  constructor(
    private readonly contracts: Contracts,
    private readonly store: StatementStore,
    private readonly prepaid: PrepaidStore,
    private readonly clock: Clock,
    private readonly maxLines = STATEMENT_MAX_LINES,
  ) {}

  async monthly(caller: Caller, contractId: string, month: string): Promise<MonthlyStatementView> {
    const target = parseMonth(month);
    const contract = await this.contracts.get(caller, contractId);
    checkMonth(contract, target, monthOf(this.clock.now(), contract.timeZone));
    const [packages, payments, ledger, work, before, openedThrough] = await Promise.all([
      this.prepaid.packagesOf([contract.id]),
      this.prepaid.paymentsOf([contract.id]),
      this.store.ledgerRows(contract.id, target),
      this.store.work(contract.id, target),
      this.store.customizationBeforeCents(contract.id, target),
      this.store.openedThrough(contract.id),
    ]);
    const data = monthlyStatement({
      month: target,
      ledger,
      packages: packages.map((p) => packageTerms(p, contract.endsOn)),
      work,
      totalValueCents: contract.totalValue === null ? null : toCents(contract.totalValue),
      capPercent: Number(contract.customizationCapPercent),
      customizationBeforeCents: before,
    });
    return {
      ...data,
      lines: data.lines.slice(0, this.maxLines),
      lineCount: data.lines.length,
      contract,
      final: openedThrough !== null && openedThrough > target,
      opened: openedThrough !== null && openedThrough >= target,
      payment: payments.find((p) => p.month === target) ?? null,
      nextMonthPayment: payments.find((p) => p.month === nextMonth(target)) ?? null,
    };
  }
}

/** Only months of the contract's period, and none after the current one in its zone. */
function checkMonth(contract: ContractEntity, month: MonthKey, current: MonthKey): void {
  const first = monthOfDate(contract.startsOn);
  const last = monthOfDate(contract.endsOn) < current ? monthOfDate(contract.endsOn) : current;
  if (month < first || month > last) {
    throw badInput(
      `month must be a month of contract ${contract.number} from ${first} to ${last} (not after the current month in ${contract.timeZone}), got ${month}`,
      { field: 'month' },
    );
  }
}
