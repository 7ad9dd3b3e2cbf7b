import { DateTime, IANAZone } from 'luxon';
import type { CalendarDefinition, WorkingIntervalDefinition } from '../../src/calendar';
import ru2024 from '../../data/production-calendar/ru/2024.json';
import ru2025 from '../../data/production-calendar/ru/2025.json';
import ru2026 from '../../data/production-calendar/ru/2026.json';

/**
 * A slow, obviously-correct business calendar for the property tests: it walks local days
 * with luxon, builds each day's intervals from the rules, and sums or consumes them one by one.
 * It shares no code with the engine.
 */
type Pair = [number, number];

const MINUTE = 60_000;
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const RU_YEARS = new Map(
  [ru2024, ru2025, ru2026].map((y) => [
    y.year,
    { off: new Set(y.holidays), weekend: new Set(y.workingWeekends), short: new Set(y.shortDays) },
  ]),
);

function toMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

function wallPairs(list: readonly WorkingIntervalDefinition[] | undefined): Pair[] {
  return (list ?? []).map((i) => [toMinutes(i.from), toMinutes(i.to)] as Pair).sort((a, b) => a[0] - b[0]);
}

function union(pairs: Pair[]): Pair[] {
  const sorted = pairs.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const result: Pair[] = [];
  for (const [s, e] of sorted) {
    const last = result[result.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else result.push([s, e]);
  }
  return result;
}

const INSTANTS = new Map<string, number>();

export class ReferenceCalendar {
  private readonly zone: IANAZone;
  private readonly dayCache = new Map<string, Pair[]>();

  constructor(private readonly def: CalendarDefinition) {
    this.zone = IANAZone.create(def.timeZone);
  }

  /** Wall-clock hours of a local date, by the documented precedence. */
  private wallHours(date: DateTime): Pair[] {
    const iso = date.toISODate()!;
    const own = this.def.dateHours?.[iso];
    if (own !== undefined) return wallPairs(own);
    if (this.def.holidays?.includes(iso)) return [];
    const weekly = wallPairs(this.def.weeklyHours[DAY_KEYS[date.weekday - 1]!]);
    const ru = this.def.productionCalendar !== undefined ? RU_YEARS.get(date.year) : undefined;
    if (ru === undefined) return weekly;
    if (ru.off.has(iso)) return [];
    let base = weekly;
    if (ru.weekend.has(iso)) {
      base = this.def.productionCalendar?.workingWeekendHours
        ? wallPairs(this.def.productionCalendar.workingWeekendHours)
        : (DAY_KEYS.map((key) => wallPairs(this.def.weeklyHours[key])).find((pairs) => pairs.length > 0) ?? []);
    }
    if (!ru.short.has(iso)) return base;
    // One hour (or shortDayMinutes) less, taken from the end of the day.
    let cut = this.def.productionCalendar?.shortDayMinutes ?? 60;
    const shortened = base.map((p) => [...p] as Pair);
    while (cut > 0 && shortened.length > 0) {
      const last = shortened[shortened.length - 1]!;
      const take = Math.min(cut, last[1] - last[0]);
      last[1] -= take;
      cut -= take;
      if (last[1] === last[0]) shortened.pop();
    }
    return shortened;
  }

  /** The instant at which the wall clock shows `minutes` after midnight of `date` (memoized: luxon is slow). */
  private instant(date: DateTime, minutes: number): number {
    const key = `${this.def.timeZone}|${date.year}-${date.month}-${date.day}|${minutes}`;
    let known = INSTANTS.get(key);
    if (known === undefined) {
      known = this.computeInstant(date, minutes);
      INSTANTS.set(key, known);
    }
    return known;
  }

  private computeInstant(date: DateTime, minutes: number): number {
    const day = minutes >= 1440 ? date.plus({ days: 1 }) : date;
    const m = minutes % 1440;
    const wanted = { year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 };
    const guess = DateTime.fromObject(wanted, { zone: this.zone });
    const shows = (t: DateTime) =>
      t.year === wanted.year && t.month === wanted.month && t.day === wanted.day && t.hour === wanted.hour && t.minute === wanted.minute;
    // A wall time that does not exist: luxon moves it forward by the gap, which is the rule.
    if (!shows(guess)) return guess.toMillis();
    // Ambiguous: the earliest instant that shows this wall time.
    let best = guess.toMillis();
    if (this.zone.offset(best - 4 * 3_600_000) !== this.zone.offset(best + 4 * 3_600_000)) {
      for (let k = 1; k <= 16; k++) {
        const candidate = guess.toMillis() - k * 15 * MINUTE;
        if (shows(DateTime.fromMillis(candidate, { zone: this.zone }))) best = candidate;
      }
    }
    return best;
  }

  /** UTC intervals of one local date, clamped to the date's own bounds. */
  dayIntervals(date: DateTime): Pair[] {
    const key = date.toISODate()!;
    let cached = this.dayCache.get(key);
    if (cached === undefined) {
      const dayStart = this.instant(date, 0);
      const dayEnd = this.instant(date, 1440);
      cached = union(
        this.wallHours(date).map(([from, to]) => [
          Math.max(this.instant(date, from), dayStart),
          Math.min(this.instant(date, to), dayEnd),
        ]),
      );
      this.dayCache.set(key, cached);
    }
    return cached;
  }

  private localDate(t: number): DateTime {
    return DateTime.fromMillis(t, { zone: this.zone }).startOf('day');
  }

  /** Intervals of local dates, walked one day at a time forward (step 1) or backward (-1). */
  private *walk(t: number, step: 1 | -1, maxDays = 4000): Generator<Pair> {
    let date = this.localDate(t).plus({ days: -step });
    for (let i = 0; i < maxDays; i++) {
      const pairs = this.dayIntervals(date);
      yield* step === 1 ? pairs : [...pairs].reverse();
      date = date.plus({ days: step });
    }
    throw new Error('reference: no working time found');
  }

  isWorkingTime(t: number): boolean {
    for (const [s, e] of this.walk(t, 1)) {
      if (s > t) return false;
      if (t < e) return true;
    }
    return false;
  }

  addWorkingMs(t: number, ms: number): number {
    if (ms < 0) return this.subtractWorkingMs(t, -ms);
    let left = ms;
    for (const [s, e] of this.walk(t, 1)) {
      if (e <= t) continue;
      const from = Math.max(s, t);
      if (left === 0) return from;
      if (left <= e - from) return from + left;
      left -= e - from;
    }
    throw new Error('unreachable');
  }

  subtractWorkingMs(t: number, ms: number): number {
    if (ms < 0) return this.addWorkingMs(t, -ms);
    if (ms === 0 && this.isWorkingTime(t)) return t;
    let left = ms;
    for (const [s, e] of this.walk(t, -1)) {
      if (s >= t) continue;
      const to = Math.min(e, t);
      if (left <= to - s) return to - left;
      left -= to - s;
    }
    throw new Error('unreachable');
  }

  workingMsBetween(a: number, b: number): number {
    if (b < a) return 0 - this.workingMsBetween(b, a);
    let sum = 0;
    for (const [s, e] of this.walk(a, 1)) {
      if (s >= b) return sum;
      sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return sum;
  }

  addWorkingDays(t: number, n: number): number {
    const start = this.addWorkingMs(t, 0);
    if (n === 0) return start;
    const local = DateTime.fromMillis(start, { zone: this.zone });
    const wallMinutes = local.hour * 60 + local.minute;
    const rest = local.second * 1000 + local.millisecond;
    let date = local.startOf('day');
    let left = Math.abs(n);
    while (left > 0) {
      date = date.plus({ days: Math.sign(n) });
      if (this.dayIntervals(date).length > 0) left--;
    }
    const pairs = this.dayIntervals(date);
    const target = this.instant(date, wallMinutes) + rest;
    const close = pairs[pairs.length - 1]![1];
    if (target >= close) return close;
    for (const [s, e] of pairs) if (target < e) return Math.max(s, target);
    throw new Error('unreachable');
  }
}
