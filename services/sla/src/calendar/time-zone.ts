import { IANAZone } from 'luxon';
import { MS_PER_DAY, MS_PER_HOUR, dayNumberOf } from './civil-date';

// Module-level aliases: a global lookup (Math.*) is ~100x slower inside vm contexts such as Jest's.
const { floor, round } = Math;

/** Offsets of one UTC year: `firstOffset` from Jan 1 00:00 UTC, then `offsets[i]` from `transitions[i]`. */
interface OffsetYear {
  readonly firstOffset: number;
  readonly transitions: readonly number[];
  readonly offsets: readonly number[];
}

// Real offsets lie within -12h..+14h; a wider window costs nothing and survives oddities.
const SEARCH_RADIUS_MS = 30 * MS_PER_HOUR;
const AVERAGE_YEAR_MS = 31_556_952_000;
const MAX_CACHED_YEARS = 512;

/**
 * The UTC offsets of one IANA zone, as tables of transitions per UTC year built on first use
 * from the zone data behind luxon (Intl). Asking luxon for every conversion would make
 * precomputing a year of working intervals cost milliseconds; a table makes it arithmetic.
 * A year's transitions are found by sampling the offset once a day and bisecting to the
 * millisecond where it changes (two transitions within one day would be missed; tzdata has
 * none in the range this product works in).
 */
export class TimeZoneRules {
  private static readonly byName = new Map<string, TimeZoneRules>();

  static isKnownZone(name: string): boolean {
    // Checking builds an Intl formatter, which is slow; every calendar built asks again.
    return TimeZoneRules.byName.has(name) || IANAZone.isValidZone(name);
  }

  /** Shared, cached rules of a zone; the name must be a known zone (see `isKnownZone`). */
  static of(name: string): TimeZoneRules {
    let rules = TimeZoneRules.byName.get(name);
    if (rules === undefined) {
      rules = new TimeZoneRules(name);
      TimeZoneRules.byName.set(name, rules);
    }
    return rules;
  }

  private readonly zone: IANAZone;
  private readonly years = new Map<number, OffsetYear>();

  private constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
  }

  /** Offset (ms to add to UTC to get the wall clock) in effect at `utcMs`. */
  offsetAt(utcMs: number): number {
    const table = this.yearTable(utcYearOf(utcMs));
    let offset = table.firstOffset;
    const transitions = table.transitions;
    for (let i = 0; i < transitions.length && utcMs >= transitions[i]; i++) offset = table.offsets[i];
    return offset;
  }

  /** Wall-clock time at `utcMs`, as milliseconds of a "local epoch" (wall time read as if UTC). */
  wallClockAt(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs);
  }

  /**
   * The instant at which the wall clock shows `wallMs`. A wall time that does not exist (the
   * spring-forward gap) moves forward by the length of the gap (02:30 -> 03:30); an ambiguous
   * one (fall-back) takes its first occurrence. Both as zendesk/biz, OTRS and GLPI do.
   */
  instantAt(wallMs: number): number {
    const low = wallMs - SEARCH_RADIUS_MS;
    const high = wallMs + SEARCH_RADIUS_MS;
    let offset = this.offsetAt(low);
    let segmentStart = low;
    const lastYear = utcYearOf(high);
    for (let year = utcYearOf(low); year <= lastYear; year++) {
      const table = this.yearTable(year);
      for (let i = 0; i < table.transitions.length; i++) {
        const at = table.transitions[i];
        if (at <= low || at > high) continue;
        const candidate = wallMs - offset;
        if (candidate >= segmentStart && candidate < at) return candidate;
        const next = table.offsets[i];
        if (wallMs >= at + offset && wallMs < at + next) return wallMs - offset;
        segmentStart = at;
        offset = next;
      }
    }
    return wallMs - offset;
  }

  private yearTable(year: number): OffsetYear {
    let table = this.years.get(year);
    if (table === undefined) {
      if (this.years.size >= MAX_CACHED_YEARS) this.years.clear();
      table = this.buildYear(year);
      this.years.set(year, table);
    }
    return table;
  }

  private buildYear(year: number): OffsetYear {
    const start = dayNumberOf(year, 1, 1) * MS_PER_DAY;
    const end = dayNumberOf(year + 1, 1, 1) * MS_PER_DAY;
    const firstOffset = this.rawOffset(start);
    const transitions: number[] = [];
    const offsets: number[] = [];
    let previousAt = start;
    let previous = firstOffset;
    for (let at = start + MS_PER_DAY; at <= end; at += MS_PER_DAY) {
      const offset = this.rawOffset(at);
      if (offset !== previous) {
        // Bisect (previousAt, at] for the first millisecond with the new offset.
        let lo = previousAt;
        let hi = at;
        while (hi - lo > 1) {
          const mid = lo + floor((hi - lo) / 2);
          if (this.rawOffset(mid) === previous) lo = mid;
          else hi = mid;
        }
        if (hi < end) {
          transitions.push(hi);
          offsets.push(offset);
        }
        previous = offset;
      }
      previousAt = at;
    }
    return { firstOffset, transitions, offsets };
  }

  private rawOffset(utcMs: number): number {
    return round(this.zone.offset(utcMs) * 60_000);
  }
}

function utcYearOf(utcMs: number): number {
  let year = floor(utcMs / AVERAGE_YEAR_MS) + 1970;
  if (utcMs < dayNumberOf(year, 1, 1) * MS_PER_DAY) year--;
  else if (utcMs >= dayNumberOf(year + 1, 1, 1) * MS_PER_DAY) year++;
  return year;
}
