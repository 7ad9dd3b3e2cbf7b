import type { Span } from './evaluation';

/** One change of a contract's prepaid state (R-CON-6): used up, or refilled, at an instant. */
export interface PrepaidToggle {
  at: number;
  exhausted: boolean;
}

/**
 * The spans during which the prepaid time was used up, from the changes in the order they
 * happened (not the order they arrived: replicas may apply them out of order).
 */
export function exhaustedSpans(toggles: readonly PrepaidToggle[]): Span[] {
  const spans: Span[] = [];
  for (const toggle of [...toggles].sort((a, b) => a.at - b.at)) {
    const open = spans.at(-1)?.to === null ? spans.at(-1)! : null;
    if (toggle.exhausted && !open) spans.push({ from: toggle.at, to: null });
    if (!toggle.exhausted && open) open.to = toggle.at;
  }
  return spans;
}
