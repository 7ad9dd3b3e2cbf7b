import type { WorkBilling } from './billing';
import { capCents } from './customization';
import type { MonthKey } from './months';
import { type LedgerLine, type PackageTerms, totalsOf } from './prepaid';

/**
 * The monthly statement of a contract (R-CON-3..7): what a customer is billed for a month, read
 * from the prepaid ledger and the work logged. Every prepaid figure is a sum of the month's
 * ledger rows, so the statement reconciles with the ledger to the minute by construction; the
 * work lines are summed separately and checked against the ledger's debits.
 */

/** The work of one ticket under one service, kind and billing in the month (summed in the store). */
export interface StatementWork {
  ticketId: string;
  /** The ticket's number as contracts knows it (null: the ticket is not in the read model). */
  ticketNumber: string | null;
  serviceCode: string | null;
  kind: 'TIME' | 'SERVICE_WORK';
  billing: WorkBilling;
  entries: number;
  /** Minutes billed: actual time (TIME) or the catalog's norm (SERVICE_WORK, R-CON-4). */
  minutes: number;
  /** Actual minutes where they were given. */
  actualMinutes: number;
  debitedMinutes: number;
  /** Customisation price in cents (R-CON-7), 0 otherwise. */
  amountCents: number;
}

export interface StatementPrepaid {
  granted: number;
  grantedSubscription: number;
  carriedIn: number;
  /** granted + carriedIn: what the month opened with. */
  opening: number;
  /** Debits per minute (DEBIT) and by norm (NORM_DEBIT), positive. */
  usedPerMinute: number;
  usedByNorm: number;
  used: number;
  corrections: number;
  carriedOut: number;
  expired: number;
  /** The sum of every ledger row of the month (0 for a closed month that ended in credit). */
  balance: number;
  /** Prepaid work beyond the month's minutes (an overdraft): billable on top (R-CON-3). */
  overageMinutes: number;
}

export interface StatementCustomization {
  minutes: number;
  amountCents: number;
  /** Spent from the contract's start through the end of this month. */
  spentThroughMonthCents: number;
  capCents: number | null;
  capPercent: number;
  /** This month's amount as a share of the cap (0..1+); null without a cap. */
  monthShareOfCap: number | null;
  spentShareOfCap: number | null;
}

export interface MonthlyStatementData {
  month: MonthKey;
  prepaid: StatementPrepaid | null;
  /** R-CON-5: error reports, consultation line, technical consultations. */
  freeMinutes: number;
  /** Work under a contract without a package that month: billed under the contract's terms. */
  notPrepaidMinutes: number;
  /** R-CON-4: norm minutes billed for service tasks, and the actual minutes they took. */
  normMinutes: number;
  normActualMinutes: number;
  customization: StatementCustomization;
  lines: StatementWork[];
  reconciliation: {
    ledgerRows: number;
    /** Minutes debited as the time entries say... */
    debitedByEntries: number;
    /** ...and as the ledger's DEBIT and NORM_DEBIT rows say: equal when the books agree. */
    debitedByLedger: number;
    balanced: boolean;
  };
}

export function monthlyStatement(args: {
  month: MonthKey;
  ledger: readonly LedgerLine[];
  packages: readonly PackageTerms[];
  work: readonly StatementWork[];
  totalValueCents: number | null;
  capPercent: number;
  /** Customisation spent in the months before this one. */
  customizationBeforeCents: number;
}): MonthlyStatementData {
  const { month, ledger, packages, work } = args;
  const totals = totalsOf(month, ledger, packages);
  const sumOf = (kind: LedgerLine['kind']) =>
    ledger.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.minutes, 0);
  const usedPerMinute = 0 - sumOf('DEBIT');
  const usedByNorm = 0 - sumOf('NORM_DEBIT');
  const prepaid: StatementPrepaid | null =
    packages.length === 0 && ledger.length === 0
      ? null
      : {
          granted: totals.granted,
          grantedSubscription: totals.grantedSubscription,
          carriedIn: totals.carriedIn,
          opening: totals.granted + totals.carriedIn,
          usedPerMinute,
          usedByNorm,
          used: totals.used,
          corrections: totals.corrections,
          carriedOut: totals.carriedOut,
          expired: totals.expired,
          balance: totals.remaining,
          overageMinutes: Math.max(0, -totals.remaining),
        };
  const of = (billing: WorkBilling) => work.filter((w) => w.billing === billing);
  const total = (rows: readonly StatementWork[], pick: (w: StatementWork) => number) =>
    rows.reduce((sum, w) => sum + pick(w), 0);
  const custom = of('CUSTOMIZATION');
  const amountCents = total(custom, (w) => w.amountCents);
  const cap = capCents(args.totalValueCents, args.capPercent);
  const spentThroughMonthCents = args.customizationBeforeCents + amountCents;
  const norm = work.filter((w) => w.kind === 'SERVICE_WORK');
  const debitedByEntries = total(work, (w) => w.debitedMinutes);
  const debitedByLedger = usedPerMinute + usedByNorm;
  return {
    month,
    prepaid,
    freeMinutes: total(of('FREE'), (w) => w.minutes),
    notPrepaidMinutes: total(of('NOT_PREPAID'), (w) => w.minutes),
    normMinutes: total(norm, (w) => w.minutes),
    normActualMinutes: total(norm, (w) => w.actualMinutes),
    customization: {
      minutes: total(custom, (w) => w.minutes),
      amountCents,
      spentThroughMonthCents,
      capCents: cap,
      capPercent: args.capPercent,
      monthShareOfCap: cap === null || cap === 0 ? null : amountCents / cap,
      spentShareOfCap: cap === null || cap === 0 ? null : spentThroughMonthCents / cap,
    },
    lines: [...work].sort(
      (a, b) =>
        (a.ticketNumber ?? a.ticketId).localeCompare(b.ticketNumber ?? b.ticketId) ||
        (a.serviceCode ?? '').localeCompare(b.serviceCode ?? '') ||
        a.kind.localeCompare(b.kind) ||
        a.billing.localeCompare(b.billing),
    ),
    reconciliation: {
      ledgerRows: ledger.length,
      debitedByEntries,
      debitedByLedger,
      balanced: debitedByEntries === debitedByLedger,
    },
  };
}
