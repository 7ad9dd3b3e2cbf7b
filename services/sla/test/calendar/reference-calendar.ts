import { DateTime, IANAZone } from 'luxon';
import type { CalendarDefinition, WorkingIntervalDefinition } from '../../src/calendar';
import ru2024 from '../../data/production-calendar/ru/2024.json';
import ru2025 from '../../data/production-calendar/ru/2025.json';
import ru2026 from '../../data/production-calendar/ru/2026.json';
import kz2024 from '../../data/production-calendar/kz/2024.json';
import kz2025 from '../../data/production-calendar/kz/2025.json';
import kz2026 from '../../data/production-calendar/kz/2026.json';

/**
 * A slow, obviously-correct business calendar for the property tests: it walks local dates one
 * by one, builds each date's intervals from the rules (wall clock -> instant with luxon), and
 * sums or consumes them one by one. It shares no code with the engine.
 */
type Pair = [number, number];

/** A local calendar date; its day-to-day arithmetic is Date.UTC's, which normalises overflow. */
interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MONDAY_FIRST = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const yearsOf = (years: { year: number; holidays: string[]; workingWeekends: string[]; shortDays: string[] }[]) =>
  new Map(
    years.map((y) => [
      y.year,
      { off: new Set(y.holidays), weekend: new Set(y.workingWeekends), short: new Set(y.shortDays) },
    ]),
  );
const PRODUCTION_YEARS = new Map([
  ['ru', yearsOf([ru2024, ru2025, ru2026])],
  ['kz', yearsOf([kz2024, kz2025, kz2026])],
]);
// Memo of wall-clock -> instant conversions, shared by all reference calendars (luxon is slow).
const INSTANTS = new Map<string, number>();

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoOf(date: LocalDate): string {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).toISOString().slice(0, 10);
}

function weekdayKey(date: LocalDate): (typeof DAY_KEYS)[number] {
  return DAY_KEYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
}

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

export class ReferenceCalendar {
  private readonly zone: IANAZone;
  private readonly dayCache = new Map<string, Pair[]>();

  constructor(private readonly def: CalendarDefinition) {
    this.zone = IANAZone.create(def.timeZone);
  }

  /** Wall-clock hours of a local date, by the documented precedence. */
  private wallHours(date: LocalDate): Pair[] {
    const iso = isoOf(date);
    const own = this.def.dateHours?.[iso];
    if (own !== undefined) return wallPairs(own);
    if (this.def.holidays?.includes(iso)) return [];
    const weekly = wallPairs(this.def.weeklyHours[weekdayKey(date)]);
    const binding = this.def.productionCalendar;
    const ru = binding !== undefined ? PRODUCTION_YEARS.get(binding.id)?.get(date.year) : undefined;
    if (ru === undefined) return weekly;
    if (ru.off.has(iso)) return [];
    let base = weekly;
    if (ru.weekend.has(iso)) {
      // A moved working day works Monday's hours, else the next weekday's that has hours.
      base = this.def.productionCalendar?.workingWeekendHours
        ? wallPairs(this.def.productionCalendar.workingWeekendHours)
        : (MONDAY_FIRST.map((key) => wallPairs(this.def.weeklyHours[key])).find((pairs) => pairs.length > 0) ?? []);
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

  /** The instant at which the wall clock shows `minutes` after midnight of `date`. */
  private instant(date: LocalDate, minutes: number): number {
    const key = `${this.def.timeZone}|${date.year}-${date.month}-${date.day}|${minutes}`;
    let known = INSTANTS.get(key);
    if (known === undefined) {
      known = this.computeInstant(minutes >= 1440 ? addDays(date, 1) : date, minutes % 1440);
      INSTANTS.set(key, known);
    }
    return known;
  }

  /**
   * Scans instants within 15 h of the wall time in 15-minute steps (every offset in use is a
   * multiple of 15 minutes) for one whose wall clock shows it: the earliest such instant is the
   * first occurrence. When none does, the clock jumped over it (a gap): the wall time moves
   * forward by the gap, i.e. it is read with the offset in force just before the jump.
   * (Not luxon's fromObject: it guesses from today's offset and can miss by an hour when that
   * guess is two transitions away, e.g. Asia/Almaty in 1990.)
   */
  private computeInstant(date: LocalDate, minutes: number): number {
    const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE;
    const offset = (t: number) => Math.round(this.zone.offset(t) * MINUTE);
    const before = offset(wall - 15 * HOUR);
    // Quick path: the same offset 15 h either side and it fits: no transition nearby.
    if (before === offset(wall + 15 * HOUR) && offset(wall - before) === before) return wall - before;
    const step = 15 * MINUTE;
    for (let t = wall - 15 * HOUR; t <= wall + 15 * HOUR; t += step) {
      const shown = t + offset(t);
      if (shown === wall) return t;
      if (shown > wall) return wall - offset(t - step); // jumped over: a gap
    }
    throw new Error(`reference: cannot place ${date.year}-${date.month}-${date.day} +${minutes} min`);
  }

  /** UTC intervals of one local date, clamped to the date's own bounds. */
  dayIntervals(date: LocalDate): Pair[] {
    const key = isoOf(date);
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

  private localDate(t: number): LocalDate {
    const local = DateTime.fromMillis(t, { zone: this.zone });
    return { year: local.year, month: local.month, day: local.day };
  }

  /** Intervals of local dates, walked one day at a time forward (step 1) or backward (-1). */
  private *walk(t: number, step: 1 | -1, maxDays = 4000): Generator<Pair> {
    let date = addDays(this.localDate(t), -step);
    for (let i = 0; i < maxDays; i++) {
      const pairs = this.dayIntervals(date);
      yield* step === 1 ? pairs : [...pairs].reverse();
      date = addDays(date, step);
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
    let date: LocalDate = { year: local.year, month: local.month, day: local.day };
    let left = Math.abs(n);
    while (left > 0) {
      date = addDays(date, Math.sign(n));
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
