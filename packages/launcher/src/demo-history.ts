import { type Platform, ReplayClock } from '@reglament/shared/platform';

/**
 * The demo data's history. At first start the demo tickets are written on a clock standing at
 * the morning of the previous working day, moved on between steps, then handed back to real
 * time: the SLA service fires what that history left due (warnings, breaches, reminders) as it
 * would after a downtime, so the wallboard opens on a queue that has lived a day, not on a
 * row of fresh green clocks.
 */
export interface DemoHistory {
  /** Moves the history's clock on by this many calendar minutes. */
  pass(minutes: number): Promise<void>;
  /** Ends the history: real time again (with TEST_CLOCK=1: the test clock stands at the start's own instant). */
  finish(): Promise<void>;
}

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
/** Russian public holidays on fixed dates (month-day): a history never starts on one. */
const FIXED_HOLIDAYS = new Set([
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
  '12-31',
]);

/**
 * 09:30 Moscow (06:30 UTC) of the latest weekday that is not a fixed public holiday and whose
 * 09:30 lies at least seven hours before `now` (the history needs about six): today when the
 * start comes late in a working day, else the working day before. Every preset's calendar
 * works then (Russian and Kazakh five-day weeks, and 24x7).
 */
export function historyStart(now: Date): Date {
  const morning = (day: number) => day + 9.5 * 3_600_000 - MOSCOW_OFFSET_MS;
  let day = Math.floor((now.getTime() + MOSCOW_OFFSET_MS) / DAY_MS) * DAY_MS;
  for (;;) {
    const date = new Date(day);
    const weekday = date.getUTCDay();
    const working = weekday !== 0 && weekday !== 6 && !FIXED_HOLIDAYS.has(date.toISOString().slice(5, 10));
    if (working && morning(day) <= now.getTime() - 7 * 3_600_000) return new Date(morning(day));
    day -= DAY_MS;
  }
}

/** The history of a platform started with `clockStartsAt`; null when its clock is real time already. */
export function demoHistory(platform: Platform, realStart: Date): DemoHistory | null {
  const control = platform.clockControl;
  if (control) {
    return {
      pass: async (minutes) => {
        if (control.now().getTime() + minutes * 60_000 < realStart.getTime()) await control.advance(minutes);
      },
      finish: async () => {
        if (control.now() < realStart) await control.set(realStart);
      },
    };
  }
  const clock = platform.clock;
  if (clock instanceof ReplayClock && clock.replaying) {
    return {
      pass: async (minutes) => void clock.set(new Date(clock.nowMs() + minutes * 60_000)),
      finish: async () => void clock.release(),
    };
  }
  return null;
}
