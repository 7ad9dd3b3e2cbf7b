/**
 * R-CON-7 (seed 003, item 11): customisation work is priced by the contract's hourly rate and
 * capped at a share of the contract's total value (15 % unless the contract says otherwise).
 * Money is handled in whole cents (kopecks, tiyns) to stay exact.
 */
export const CAP_NEARING_SHARE = 0.8;

export function toCents(amount: number | string): number {
  return Math.round(Number(amount) * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

export function capCents(totalValueCents: number | null, capPercent: number): number | null {
  if (totalValueCents === null) return null;
  return Math.floor((totalValueCents * capPercent) / 100);
}

export function priceCents(minutes: number, hourlyRateCents: number): number {
  return Math.round((minutes * hourlyRateCents) / 60);
}

export type CapVerdict =
  | { allowed: true; overridden: boolean; nearingCrossed: boolean }
  | { allowed: false; capCents: number; spentCents: number };

/**
 * Spending beyond the cap is refused unless an admin overrides; crossing 80 % of the cap is
 * reported once (the caller remembers whether it has been).
 */
export function checkCap(args: {
  capCents: number | null;
  spentCents: number;
  addCents: number;
  override: boolean;
  nearingAlreadyReported: boolean;
}): CapVerdict {
  const { capCents: cap, spentCents, addCents } = args;
  if (cap === null) return { allowed: true, overridden: false, nearingCrossed: false };
  const after = spentCents + addCents;
  const beyond = after > cap;
  if (beyond && !args.override) return { allowed: false, capCents: cap, spentCents };
  return {
    allowed: true,
    overridden: beyond,
    nearingCrossed: !args.nearingAlreadyReported && after >= cap * CAP_NEARING_SHARE,
  };
}
