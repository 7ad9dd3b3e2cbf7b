import { MS_PER_DAY, dayNumberOf } from './civil-date';
import { CalendarError, CalendarErrorCode } from './errors';

// Module-level aliases: a global lookup (Math.*) is ~100x slower inside vm contexts such as Jest's.
const { round } = Math;

/** An instant: epoch milliseconds (UTC), the engine's own representation, or a Date. */
export type Instant = number | Date;

// Years 1000..9999: wide enough for any contract, narrow enough for zone data to mean something.
const MIN_INSTANT = dayNumberOf(1000, 1, 1) * MS_PER_DAY;
const MAX_INSTANT = dayNumberOf(10000, 1, 1) * MS_PER_DAY - 1;

export function toEpochMs(instant: Instant, argument: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (ms >= MIN_INSTANT && ms <= MAX_INSTANT) return ms;
  throw new CalendarError(
    CalendarErrorCode.INVALID_INSTANT,
    `${argument} must be an instant between the years 1000 and 9999 (epoch ms or a valid Date), got ${String(instant)}`,
    { argument },
  );
}

export function checkAmount(amount: number, argument: string): void {
  if (!Number.isFinite(amount)) {
    throw new CalendarError(CalendarErrorCode.INVALID_AMOUNT, `${argument} must be a finite number, got ${amount}`, {
      argument,
    });
  }
}

/** Minutes as ms, kept to the second: fractional minutes are allowed with second precision. */
export function minutesToMs(minutes: number): number {
  return minutes < 0 ? -round(-minutes * 60) * 1000 : round(minutes * 60) * 1000;
}
