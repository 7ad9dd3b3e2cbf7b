import { type MonthKey, monthOfDate, monthsFromTo, nextMonth, previousMonth } from './months';

/**
 * Prepaid time (R-CON-3, R-CON-6): an append-only ledger per contract and month in the
 * contract's zone. Every line is signed minutes (positive adds to the balance); the balance is
 * the sum of a month's lines. Nothing here touches a database: the application writes what
 * these functions plan, and reads project the same plan when a month is not yet written.
 */
export type PackageKind = 'SUBSCRIPTION' | 'ONE_OFF';
export const PACKAGE_KINDS: readonly PackageKind[] = ['SUBSCRIPTION', 'ONE_OFF'];

export type LedgerKind = 'GRANT' | 'CARRY_IN' | 'CARRY_OUT' | 'DEBIT' | 'NORM_DEBIT' | 'EXPIRY' | 'CORRECTION';
export const LEDGER_KINDS: readonly LedgerKind[] = [
  'GRANT',
  'CARRY_IN',
  'CARRY_OUT',
  'DEBIT',
  'NORM_DEBIT',
  'EXPIRY',
  'CORRECTION',
];

export interface PackageTerms {
  id: string;
  kind: PackageKind;
  minutesPerMonth: number;
  firstMonth: MonthKey;
  /** Inclusive. ONE_OFF: its one month; SUBSCRIPTION: to its end or the contract's end. */
  lastMonth: MonthKey;
  allowOverdraft: boolean;
}

export function packageTerms(
  row: {
    id: string;
    kind: PackageKind;
    minutesPerMonth: number;
    startsOn: string;
    endsOn: string | null;
    allowOverdraft: boolean;
  },
  contractEndsOn: string,
): PackageTerms {
  const firstMonth = monthOfDate(row.startsOn);
  const end = row.endsOn !== null && row.endsOn < contractEndsOn ? row.endsOn : contractEndsOn;
  return {
    id: row.id,
    kind: row.kind,
    minutesPerMonth: row.minutesPerMonth,
    firstMonth,
    lastMonth: row.kind === 'ONE_OFF' ? firstMonth : monthOfDate(end),
    allowOverdraft: row.allowOverdraft,
  };
}

export function isActiveIn(terms: PackageTerms, month: MonthKey): boolean {
  return terms.firstMonth <= month && month <= terms.lastMonth;
}

export interface LedgerLine {
  kind: LedgerKind;
  minutes: number;
  packageId: string | null;
}

export interface PlannedEntry extends LedgerLine {
  month: MonthKey;
}

export interface MonthTotals {
  month: MonthKey;
  granted: number;
  /** The part of `granted` from subscriptions: the only minutes that may carry over. */
  grantedSubscription: number;
  carriedIn: number;
  /** Debited minutes (per-minute and norm), positive. */
  used: number;
  /** Sum of corrections (positive gives minutes back). */
  corrections: number;
  carriedOut: number;
  expired: number;
  remaining: number;
}

export function totalsOf(
  month: MonthKey,
  lines: readonly LedgerLine[],
  packages: readonly PackageTerms[],
): MonthTotals {
  const kindOf = new Map(packages.map((p) => [p.id, p.kind]));
  const totals: MonthTotals = {
    month,
    granted: 0,
    grantedSubscription: 0,
    carriedIn: 0,
    used: 0,
    corrections: 0,
    carriedOut: 0,
    expired: 0,
    remaining: 0,
  };
  for (const line of lines) {
    totals.remaining += line.minutes;
    switch (line.kind) {
      case 'GRANT':
        totals.granted += line.minutes;
        if (line.packageId !== null && kindOf.get(line.packageId) === 'SUBSCRIPTION')
          totals.grantedSubscription += line.minutes;
        break;
      case 'CARRY_IN':
        totals.carriedIn += line.minutes;
        break;
      case 'DEBIT':
      case 'NORM_DEBIT':
        totals.used -= line.minutes;
        break;
      case 'CORRECTION':
        totals.corrections += line.minutes;
        break;
      case 'CARRY_OUT':
        totals.carriedOut -= line.minutes;
        break;
      case 'EXPIRY':
        totals.expired -= line.minutes;
        break;
    }
  }
  return totals;
}

/** What the next month needs for the unused minutes of this one to carry over. */
export interface NextMonthTerms {
  /** The next month was paid before it began, in the contract's zone. */
  paidOnTime: boolean;
  /** A subscription package runs in the next month (nothing carries into a month without one). */
  subscriptionContinues: boolean;
}

/**
 * Closing a month (R-CON-3): unused minutes carry over only when the next month is paid on
 * time, and only the month's own subscription minutes: minutes are spent carried-over first,
 * then one-off, then subscription (the order most favourable to the customer), so the unused
 * subscription part is min(balance, subscription grant). Carried minutes never carry twice.
 * Everything else unused expires. A negative balance (overdraft) is not carried.
 */
export function closingOf(totals: MonthTotals, next: NextMonthTerms): { carryOut: number; expiry: number } {
  const open = totals.remaining;
  if (open <= 0) return { carryOut: 0, expiry: 0 };
  const carryOut = next.paidOnTime && next.subscriptionContinues ? Math.min(open, totals.grantedSubscription) : 0;
  return { carryOut, expiry: open - carryOut };
}

export function grantsOf(month: MonthKey, packages: readonly PackageTerms[]): LedgerLine[] {
  return packages
    .filter((p) => isActiveIn(p, month))
    .map((p) => ({ kind: 'GRANT' as const, minutes: p.minutesPerMonth, packageId: p.id }));
}

export interface RollForward {
  /** Entries to append, in order (closing lines carry the closed month). */
  entries: PlannedEntry[];
  openedThrough: MonthKey | null;
  /** Totals of the last opened month after the roll (null: no month opened yet). */
  totals: MonthTotals | null;
}

/**
 * Opens every month from the one after `openedThrough` (or the first package month) through
 * `target`: closes the previous month (carry-out, expiry), then grants and carries in.
 */
export function rollForward(args: {
  openedThrough: MonthKey | null;
  /** Totals of `openedThrough` as the ledger has them now. */
  openedTotals: MonthTotals | null;
  packages: readonly PackageTerms[];
  paidOnTime: (month: MonthKey) => boolean;
  target: MonthKey;
}): RollForward {
  const { packages, target } = args;
  let totals = args.openedTotals;
  if (packages.length === 0) return { entries: [], openedThrough: args.openedThrough, totals };
  const first =
    args.openedThrough !== null
      ? nextMonth(args.openedThrough)
      : packages.map((p) => p.firstMonth).reduce((a, b) => (a < b ? a : b));
  if (first > target) return { entries: [], openedThrough: args.openedThrough, totals };
  const entries: PlannedEntry[] = [];
  for (const month of monthsFromTo(first, target)) {
    let carryIn = 0;
    if (totals !== null && totals.month === previousMonth(month)) {
      const { carryOut, expiry } = closingOf(totals, {
        paidOnTime: args.paidOnTime(month),
        subscriptionContinues: packages.some((p) => p.kind === 'SUBSCRIPTION' && isActiveIn(p, month)),
      });
      if (carryOut > 0) entries.push({ month: totals.month, kind: 'CARRY_OUT', minutes: -carryOut, packageId: null });
      if (expiry > 0) entries.push({ month: totals.month, kind: 'EXPIRY', minutes: -expiry, packageId: null });
      carryIn = carryOut;
    }
    const lines: LedgerLine[] = grantsOf(month, packages);
    if (carryIn > 0) lines.push({ kind: 'CARRY_IN', minutes: carryIn, packageId: null });
    entries.push(...lines.map((line) => ({ ...line, month })));
    totals = totalsOf(month, lines, packages);
  }
  return { entries, openedThrough: target, totals };
}

/** R-CON-3: a debit below zero is refused unless a package of the month allows overdraft. */
export function overdraftAllowed(month: MonthKey, packages: readonly PackageTerms[]): boolean {
  return packages.some((p) => p.allowOverdraft && isActiveIn(p, month));
}

/** R-CON-6: whether guaranteed response applies; NONE until a month with packages has opened. */
export type PrepaidState = 'NONE' | 'AVAILABLE' | 'EXHAUSTED';

export function stateOf(totals: MonthTotals | null): PrepaidState {
  if (totals === null) return 'NONE';
  return totals.remaining > 0 ? 'AVAILABLE' : 'EXHAUSTED';
}

/** The event a change of state raises: used up -> exhausted; refilled -> replenished. */
export function stateChange(before: PrepaidState, after: PrepaidState): 'exhausted' | 'replenished' | null {
  if (after === 'EXHAUSTED' && before !== 'EXHAUSTED') return 'exhausted';
  if (after === 'AVAILABLE' && before === 'EXHAUSTED') return 'replenished';
  return null;
}
