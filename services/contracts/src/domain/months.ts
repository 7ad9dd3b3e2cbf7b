import { badInput } from '@reglament/shared/domain';
import { DateTime } from 'luxon';

/**
 * Calendar months of prepaid time, "YYYY-MM", always in the contract's own zone (R-CON-3):
 * 23:30 UTC on 31 March is already April in Moscow.
 */
export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(value: string, field = 'month'): MonthKey {
  if (!MONTH.test(value)) throw badInput(`${field} must be a month YYYY-MM, e.g. 2025-03, got "${value}"`, { field });
  return value;
}

export function monthOf(instant: Date, zone: string): MonthKey {
  return DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM');
}

export function monthOfDate(date: string): MonthKey {
  return date.slice(0, 7);
}

/** The calendar date of an instant in a zone, YYYY-MM-DD. */
export function dateIn(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

export function nextMonth(month: MonthKey): MonthKey {
  return shift(month, 1);
}

export function previousMonth(month: MonthKey): MonthKey {
  return shift(month, -1);
}

function shift(month: MonthKey, by: number): MonthKey {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included (empty when from > to). */
export function monthsFromTo(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** The first instant of a month in a zone (midnight of its 1st day there). */
export function monthStart(month: MonthKey, zone: string): Date {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone }).startOf('month').toJSDate();
}
