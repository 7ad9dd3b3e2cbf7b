/** Binary searches over ascending typed arrays; `from`/`to` bound the slice [from, to). */
export type SortedNumbers = Float64Array | Int32Array;

/** First index in [from, to) whose value is > x, or `to`. */
export function firstGreater(values: SortedNumbers, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index in [from, to) whose value is >= x, or `to`. */
export function firstAtLeast(values: SortedNumbers, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
