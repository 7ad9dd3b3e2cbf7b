/** The SLA subgraph's SlaCountdown, as received, with the local instant it arrived at. */
export interface CountdownFigures {
  at: string;
  remainingWorkingMinutes: number;
  ticking: boolean;
  changesAt: string | null;
  realTime: boolean;
}

export interface ReceivedCountdown extends CountdownFigures {
  /** Local `Date.now()` when the figures arrived. */
  receivedAt: number;
}

/**
 * Working minutes left at local instant `now`. On the real clock, while the calendar is in working
 * time, a minute passes per minute until `changesAt` (the close); after that the figure holds
 * until new figures come (a subscription event or the next start). On the test clock time
 * stands still: the figures are shown as they are.
 */
export function remainingAt(countdown: ReceivedCountdown, now: number): number {
  if (!countdown.realTime || !countdown.ticking) return countdown.remainingWorkingMinutes;
  const serverAt = Date.parse(countdown.at);
  const serverNow = serverAt + Math.max(0, now - countdown.receivedAt);
  const until = countdown.changesAt ? Math.min(serverNow, Date.parse(countdown.changesAt)) : serverNow;
  return countdown.remainingWorkingMinutes - Math.max(0, until - serverAt) / 60_000;
}

/** "2 h 05 min", "45 min", "-1 h 10 min" (late); whole minutes, rounded down toward the deadline. */
export function formatMinutes(minutes: number): string {
  const late = minutes < 0;
  const whole = late ? Math.ceil(-minutes) : Math.floor(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const text = hours > 0 ? `${hours} h ${String(rest).padStart(2, '0')} min` : `${rest} min`;
  return late ? `-${text}` : text;
}
