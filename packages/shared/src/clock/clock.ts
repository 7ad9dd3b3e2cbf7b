/**
 * Every service takes "now" from a Clock so tests can move time. The system clock is real
 * time; the test clock stands still until it is set or advanced (deterministic tests), and
 * tells listeners (schedulers) when it moves.
 */
export interface Clock {
  now(): Date;
  nowMs(): number;
  /** Called after the clock moves (test clock only; the system clock never calls it). */
  onChange(listener: (now: Date) => void): () => void;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
  nowMs(): number {
    return Date.now();
  }
  onChange(): () => void {
    return () => undefined;
  }
}

export class TestClock implements Clock {
  private current: number;
  private readonly listeners = new Set<(now: Date) => void>();

  constructor(start: Date | number = Date.now()) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }
  nowMs(): number {
    return this.current;
  }

  set(at: Date | number): Date {
    this.current = typeof at === 'number' ? at : at.getTime();
    const now = this.now();
    for (const listener of this.listeners) listener(now);
    return now;
  }

  advance(ms: number): Date {
    return this.set(this.current + ms);
  }

  onChange(listener: (now: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Stands at a past instant while a history is written (the demo data set's working day at first
 * start), moving forward only when told; once released it follows real time, and everything the
 * history left due (warnings, breaches) fires as after a downtime.
 */
export class ReplayClock implements Clock {
  private standing: number | null;
  private readonly listeners = new Set<(now: Date) => void>();

  constructor(start: Date) {
    this.standing = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return this.standing ?? Date.now();
  }

  /** Whether it still stands in the past (before `release`). */
  get replaying(): boolean {
    return this.standing !== null;
  }

  /** Moves the standing clock forward (never back, never past real time); no-op once released. */
  set(at: Date): Date {
    if (this.standing === null) return this.now();
    this.standing = Math.min(Math.max(this.standing, at.getTime()), Date.now());
    return this.notify();
  }

  /** From now on, real time. */
  release(): Date {
    this.standing = null;
    return this.notify();
  }

  onChange(listener: (now: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): Date {
    const now = this.now();
    for (const listener of this.listeners) listener(now);
    return now;
  }
}

export function isTestClock(clock: Clock): clock is TestClock {
  return clock instanceof TestClock;
}
