/**
 * R-ACC-1 hardening: repeated failed logins are slowed down, counted per (e-mail, client
 * address) and per client address, never per e-mail alone: a stranger's wrong passwords must
 * not lock the owner (or the administrator) out. The first free failures within the window
 * cost nothing; after that every failure locks for 30 s, doubling up to 15 minutes. A quiet
 * window resets the count. Unknown e-mails are counted the same, so a lock says nothing about
 * whether an account exists. Time here is real time (the test clock is for business rules).
 */
export interface ThrottlePolicy {
  /** Failures within the window that cost nothing. */
  free: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
}

/** One address guessing one e-mail's password. */
export const EMAIL_ADDRESS_POLICY: ThrottlePolicy = {
  free: 5,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

/** One address spraying passwords over many e-mails (an office behind one address stays well under it). */
export const ADDRESS_POLICY: ThrottlePolicy = {
  free: 50,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

export const FREE_FAILURES = EMAIL_ADDRESS_POLICY.free;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return state !== null && state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const recent = state !== null && now.getTime() - state.lastFailureAt.getTime() < policy.windowMs;
  const failures = (recent ? state.failures : 0) + 1;
  const lockMs =
    failures > policy.free ? Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** (failures - policy.free - 1)) : 0;
  return { failures, lastFailureAt: now, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null };
}
