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

export function isTestClock(clock: Clock): clock is TestClock {
  return clock instanceof TestClock;
}
