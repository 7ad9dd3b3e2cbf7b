/**
 * R-ACC-1 hardening: repeated failed logins for one e-mail are slowed down. The first
 * FREE_FAILURES within the window cost nothing; after that every failure locks the e-mail for
 * 30 s, doubling up to 15 minutes. A quiet window resets the count. The same applies to an
 * e-mail nobody has, so the lock says nothing about whether an account exists.
 */
export const FREE_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const BASE_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return state !== null && state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const recent = state !== null && now.getTime() - state.lastFailureAt.getTime() < FAILURE_WINDOW_MS;
  const failures = (recent ? state.failures : 0) + 1;
  const lockMs =
    failures > FREE_FAILURES ? Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES - 1)) : 0;
  return { failures, lastFailureAt: now, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null };
}
