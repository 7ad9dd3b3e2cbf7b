import type { SlaMetric, TimerStatus } from '@reglament/shared/domain';
import type { BusinessCalendar } from '../calendar';
import type { SlaPolicy } from './policy';

const MINUTE = 60_000;

/** What a screen needs to count a running clock down by itself, in the working time of its calendar. */
export interface Countdown {
  /** The platform instant the figures are for. */
  at: number;
  /** Working minutes (calendar minutes for calendar-time targets) from `at` to the deadline; negative when late. */
  remainingMinutes: number;
  /** Whether the clock's time passes at `at` (working time, or always for calendar-time targets). */
  ticking: boolean;
  /** When `ticking` changes next (the close of the working stretch, or the next opening); null: never. */
  changesAt: number | null;
}

export interface CountdownTimer {
  metric: SlaMetric;
  party: string;
  status: TimerStatus;
  category: string | null;
  priority: string;
  deadline: number | null;
}

/**
 * A target measured in calendar minutes (auto-close, on-site arrival) runs in real time; the
 * others in the working time of the calendar. When the policy's targets for this metric disagree
 * for the ticket's class, working time is assumed (the usual case).
 */
export function countsCalendarTime(policy: SlaPolicy, timer: CountdownTimer): boolean {
  const targets = policy.targets.filter(
    (t) =>
      t.metric === timer.metric &&
      t.party === timer.party &&
      (!t.appliesTo.categories ||
        (timer.category !== null && t.appliesTo.categories.includes(timer.category as never))) &&
      (!t.appliesTo.priorities || t.appliesTo.priorities.includes(timer.priority as never)),
  );
  return targets.length > 0 && targets.every((t) => t.measure.kind === 'CALENDAR_MINUTES');
}

/** The countdown of a running clock with a deadline at `now`; null for any other clock (paused, stopped, no deadline). */
export function countdownOf(
  timer: CountdownTimer,
  calendar: BusinessCalendar,
  calendarTime: boolean,
  now: number,
): Countdown | null {
  if (timer.status !== 'RUNNING' || timer.deadline === null) return null;
  if (calendarTime) {
    return { at: now, remainingMinutes: (timer.deadline - now) / MINUTE, ticking: true, changesAt: null };
  }
  const ticking = calendar.isWorkingTime(now);
  return {
    at: now,
    remainingMinutes: calendar.workingMinutesBetween(now, timer.deadline),
    ticking,
    changesAt: ticking ? calendar.workingStretchEnd(now) : nextOpening(calendar, now),
  };
}

/** The next opening, or null when the calendar has no working time ahead it knows of. */
function nextOpening(calendar: BusinessCalendar, now: number): number | null {
  try {
    return calendar.nextWorkingInstant(now);
  } catch {
    return null;
  }
}
