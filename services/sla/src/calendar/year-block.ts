import { MS_PER_DAY, MS_PER_MINUTE, dayNumberOf } from './civil-date';
import type { DaySchedule } from './day-schedule';
import type { TimeZoneRules } from './time-zone';

// Module-level aliases: a global lookup (Math.*) is ~100x slower inside vm contexts such as Jest's.
const { max, min } = Math;

/**
 * One local calendar year of a calendar, precomputed: its working time as sorted, disjoint
 * UTC [start, end) pairs (epoch ms) with a running sum, so every operation is a binary search
 * plus arithmetic. Real elapsed time is what is summed: a fully worked 25-hour DST day
 * counts 25 hours.
 */
export interface YearBlock {
  readonly year: number;
  /** Instant of local Jan 1 00:00 of `year`; blocks of consecutive years touch. */
  readonly start: number;
  /** Instant of local Jan 1 00:00 of the next year. */
  readonly end: number;
  /** Working intervals, merged across days when they touch (a 24x7 year is one interval). */
  readonly count: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** `cumulative[i]` = working ms of intervals 0..i-1; `cumulative[count]` = `total`. */
  readonly cumulative: Float64Array;
  readonly total: number;
  /** Local dates with working time (day numbers), ascending: the "working days". */
  readonly dayCount: number;
  readonly dayNumbers: Int32Array;
  /** Intervals of working day d are `dayStarts/dayEnds[dayFirst[d] .. dayFirst[d + 1])`. */
  readonly dayFirst: Int32Array;
  readonly dayStarts: Float64Array;
  readonly dayEnds: Float64Array;
  /** Working day (index into dayNumbers) of each per-day interval. */
  readonly dayOfInterval: Int32Array;
}

export function buildYearBlock(year: number, schedule: DaySchedule, zone: TimeZoneRules): YearBlock {
  const firstDay = dayNumberOf(year, 1, 1);
  const endDay = dayNumberOf(year + 1, 1, 1);
  const dayNumbers: number[] = [];
  const dayFirst: number[] = [];
  const dayStarts: number[] = [];
  const dayEnds: number[] = [];
  const dayOfInterval: number[] = [];
  const pieces: number[] = [];

  const start = zone.instantAt(firstDay * MS_PER_DAY);
  let dayStart = start;
  for (let day = firstDay; day < endDay; day++) {
    const dayEnd = zone.instantAt((day + 1) * MS_PER_DAY);
    const hours = schedule.hoursOn(day);
    if (hours.length > 0) {
      pieces.length = 0;
      const midnight = day * MS_PER_DAY;
      for (const interval of hours) {
        // Clamped to the day: DST oddities never move time into a neighbouring day.
        const from = max(zone.instantAt(midnight + interval.from * MS_PER_MINUTE), dayStart);
        const to = min(zone.instantAt(midnight + interval.to * MS_PER_MINUTE), dayEnd);
        if (to > from) pieces.push(from, to);
      }
      if (pieces.length > 0) appendDay(day, pieces, dayNumbers, dayFirst, dayStarts, dayEnds, dayOfInterval);
    }
    dayStart = dayEnd;
  }
  dayFirst.push(dayStarts.length);

  // Merge per-day intervals that touch (24:00 of one day = 00:00 of the next).
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < dayStarts.length; i++) {
    const last = ends.length - 1;
    if (last >= 0 && dayStarts[i] <= ends[last]) ends[last] = max(ends[last], dayEnds[i]);
    else {
      starts.push(dayStarts[i]);
      ends.push(dayEnds[i]);
    }
  }
  const cumulative = new Float64Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) cumulative[i + 1] = cumulative[i] + (ends[i] - starts[i]);

  return {
    year,
    start,
    end: dayStart,
    count: starts.length,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cumulative,
    total: cumulative[starts.length],
    dayCount: dayNumbers.length,
    dayNumbers: Int32Array.from(dayNumbers),
    dayFirst: Int32Array.from(dayFirst),
    dayStarts: Float64Array.from(dayStarts),
    dayEnds: Float64Array.from(dayEnds),
    dayOfInterval: Int32Array.from(dayOfInterval),
  };
}

/** Adds one day's intervals (pairs in `pieces`), sorted and united: DST gaps can reorder them. */
function appendDay(
  day: number,
  pieces: number[],
  dayNumbers: number[],
  dayFirst: number[],
  dayStarts: number[],
  dayEnds: number[],
  dayOfInterval: number[],
): void {
  const order: number[] = [];
  for (let i = 0; i < pieces.length; i += 2) order.push(i);
  order.sort((a, b) => pieces[a] - pieces[b]);
  const index = dayNumbers.length;
  dayNumbers.push(day);
  dayFirst.push(dayStarts.length);
  for (const i of order) {
    const last = dayEnds.length - 1;
    if (last >= dayFirst[index] && pieces[i] <= dayEnds[last]) {
      dayEnds[last] = max(dayEnds[last], pieces[i + 1]);
    } else {
      dayStarts.push(pieces[i]);
      dayEnds.push(pieces[i + 1]);
      dayOfInterval.push(index);
    }
  }
}
