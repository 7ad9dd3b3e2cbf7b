import type { WorkingIntervalDefinition } from './definition';
import { CalendarDefinitionError, CalendarErrorCode } from './errors';

/** A working interval of one local day in wall-clock minutes: [from, to), 0 <= from < to <= 1440. */
export interface WallInterval {
  readonly from: number;
  readonly to: number;
}

export const MINUTES_PER_DAY = 1440;

const HH_MM = /^(\d{2}):(\d{2})$/;

/** "HH:MM" (00:00..23:59, or 24:00 for the end of the day) as minutes since local midnight. */
export function parseTimeOfDay(text: unknown, path: string): number {
  const match = typeof text === 'string' ? HH_MM.exec(text) : null;
  if (match !== null) {
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    if ((hours < 24 && minutes < 60) || (hours === 24 && minutes === 0)) return hours * 60 + minutes;
  }
  throw new CalendarDefinitionError(
    CalendarErrorCode.INVALID_TIME_OF_DAY,
    path,
    `${JSON.stringify(text)} is not a time of day "HH:MM" between 00:00 and 24:00`,
  );
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The same day with `minutes` of working time removed from its end (a pre-holiday day is one
 * hour shorter: it closes earlier, it does not open later). Removes whole intervals when the
 * last one is shorter than the cut.
 */
export function shortenDay(intervals: readonly WallInterval[], minutes: number): WallInterval[] {
  const result = intervals.slice();
  let left = minutes;
  while (left > 0 && result.length > 0) {
    const last = result[result.length - 1];
    const length = last.to - last.from;
    if (length > left) {
      result[result.length - 1] = { from: last.from, to: last.to - left };
      left = 0;
    } else {
      result.pop();
      left -= length;
    }
  }
  return result;
}

/** Wall intervals of a validated interval list, sorted; touching intervals are joined. */
export function toWallIntervals(intervals: readonly WorkingIntervalDefinition[], path: string): WallInterval[] {
  const parsed = intervals.map((interval, index) => parseInterval(interval, `${path}[${index}]`));
  const order = parsed.map((_, index) => index).sort((a, b) => parsed[a].from - parsed[b].from);
  const result: WallInterval[] = [];
  let previousIndex = -1;
  for (const index of order) {
    const interval = parsed[index];
    const last = result[result.length - 1];
    if (last !== undefined && interval.from < last.to) {
      throw new CalendarDefinitionError(
        CalendarErrorCode.OVERLAPPING_INTERVALS,
        `${path}[${index}]`,
        `${describe(interval)} overlaps ${describe(parsed[previousIndex])} (${path}[${previousIndex}])`,
      );
    }
    if (last !== undefined && interval.from === last.to)
      result[result.length - 1] = { from: last.from, to: interval.to };
    else result.push(interval);
    previousIndex = index;
  }
  return result;
}

function parseInterval(input: unknown, path: string): WallInterval {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const from = parseTimeOfDay(record['from'], `${path}.from`);
  const to = parseTimeOfDay(record['to'], `${path}.to`);
  if (from === to) {
    throw new CalendarDefinitionError(CalendarErrorCode.EMPTY_INTERVAL, path, `${describe({ from, to })} is empty`);
  }
  if (to < from) {
    throw new CalendarDefinitionError(
      CalendarErrorCode.INTERVAL_CROSSES_MIDNIGHT,
      path,
      `${formatTimeOfDay(from)}-${formatTimeOfDay(to)} crosses midnight: split it into ` +
        `${formatTimeOfDay(from)}-24:00 and 00:00-${formatTimeOfDay(to)} of the next day`,
    );
  }
  return { from, to };
}

function describe(interval: WallInterval): string {
  return `${formatTimeOfDay(interval.from)}-${formatTimeOfDay(interval.to)}`;
}
