import type { YearBlock } from './year-block';

/**
 * Year blocks of one calendar, built on first use and kept up to `capacity` (least recently
 * used out first), so a calendar asked about 1990 and 2090 once does not keep them forever.
 * Year totals are kept apart (one number a year) for sums over long spans.
 */
export class YearBlockCache {
  private readonly blocks = new Map<number, YearBlock>();
  private readonly lastUse = new Map<number, number>();
  private readonly totals = new Map<number, number>();
  private clock = 0;

  constructor(
    private readonly build: (year: number) => YearBlock,
    private readonly capacity: number,
  ) {}

  get(year: number): YearBlock {
    let block = this.blocks.get(year);
    if (block === undefined) {
      block = this.build(year);
      this.blocks.set(year, block);
      this.totals.set(year, block.total);
      if (this.blocks.size > this.capacity) this.evictLeastRecentlyUsed();
    }
    this.lastUse.set(year, ++this.clock);
    return block;
  }

  /** Working ms of a whole year, without keeping its block when it was not cached. */
  total(year: number): number {
    return this.totals.get(year) ?? this.get(year).total;
  }

  private evictLeastRecentlyUsed(): void {
    let oldestYear = Number.NaN;
    let oldestUse = Number.POSITIVE_INFINITY;
    for (const [year, use] of this.lastUse) {
      if (use < oldestUse) {
        oldestUse = use;
        oldestYear = year;
      }
    }
    this.blocks.delete(oldestYear);
    this.lastUse.delete(oldestYear);
  }
}
