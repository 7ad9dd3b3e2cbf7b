/**
 * The fix clock of a security advisory (R-SLA-6, seed 001 §8-9), pure. It runs in calendar time
 * from discovery to the due instant; it is warned once (R-SLA-9), breached once when the
 * deadline passes without the fix, and stopped when the fix is linked: MET when that came
 * before the deadline, BREACHED otherwise. A warning never comes after the deadline, and an
 * instant in the past fires at once, each at its own instant (warning before breach).
 */
export type AdvisoryClockStatus = 'RUNNING' | 'BREACHED' | 'MET';

export interface AdvisoryClockState {
  status: AdvisoryClockStatus;
  deadline: Date;
  warnAt: Date;
  warnedAt: Date | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
}

export type AdvisoryClockChange =
  | { kind: 'WARNING'; at: Date }
  | { kind: 'BREACHED'; at: Date }
  | { kind: 'STOPPED'; at: Date; status: 'MET' | 'BREACHED' };

/** What is due up to `now` (in order) and the state after it. */
export function advanceAdvisoryClock(
  state: AdvisoryClockState,
  now: Date,
): { state: AdvisoryClockState; changes: AdvisoryClockChange[] } {
  if (state.stoppedAt) return { state, changes: [] };
  const changes: AdvisoryClockChange[] = [];
  let next = state;
  if (!next.warnedAt && next.warnAt <= now && next.warnAt < next.deadline) {
    next = { ...next, warnedAt: next.warnAt };
    changes.push({ kind: 'WARNING', at: next.warnAt });
  }
  if (!next.breachedAt && next.deadline <= now) {
    next = { ...next, status: 'BREACHED', breachedAt: next.deadline };
    changes.push({ kind: 'BREACHED', at: next.deadline });
  }
  return { state: next, changes };
}

/** The fix is out at `at`: the clock stops, after firing what was due before it. */
export function stopAdvisoryClock(
  state: AdvisoryClockState,
  at: Date,
): { state: AdvisoryClockState; changes: AdvisoryClockChange[] } {
  if (state.stoppedAt) return { state, changes: [] };
  const due = advanceAdvisoryClock(state, new Date(at.getTime() - 1));
  const status = due.state.breachedAt ? 'BREACHED' : 'MET';
  return {
    state: { ...due.state, status, stoppedAt: at },
    changes: [...due.changes, { kind: 'STOPPED', at, status }],
  };
}

/** When the scheduler must look again: the warning, then the deadline; null once stopped or breached. */
export function nextDueOf(state: AdvisoryClockState): Date | null {
  if (state.stoppedAt || state.breachedAt) return null;
  if (!state.warnedAt && state.warnAt < state.deadline) return state.warnAt;
  return state.deadline;
}
