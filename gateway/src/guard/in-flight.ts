/**
 * Requests of one caller being answered at once. The rate limit counts requests as they
 * start; this counts those not finished, so a caller cannot pile up slow, expensive ones
 * (each holding memory and subgraph connections) faster than they complete.
 */
export class InFlightLimiter {
  private readonly counts = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** A slot for `key`, released by calling the function returned (once); null when all are taken. */
  enter(key: string): (() => void) | null {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.limit) return null;
    this.counts.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left <= 0) this.counts.delete(key);
      else this.counts.set(key, left);
    };
  }

  message(): string {
    return `Too many requests in flight: at most ${this.limit} of one caller are answered at once; wait for one to finish`;
  }
}
