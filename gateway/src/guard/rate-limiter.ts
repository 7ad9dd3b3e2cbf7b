import type { Caller } from '@reglament/shared/domain';
import type { GatewayContext } from '../context';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per caller: `burst` requests at once, refilled at `perMinute`. Kept in this
 * replica's memory (a caller spread over N replicas gets up to N times the rate: the limit
 * protects each replica; a shared count would cost a round trip on every request).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private sweepAt: number;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
    this.sweepAt = now() + 60_000;
  }

  take(key: string): RateDecision {
    const now = this.now();
    if (now >= this.sweepAt) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  /** Full buckets carry no information: forget them so the map does not grow with every caller ever seen. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.burst) this.buckets.delete(key);
    }
    this.sweepAt = now + 60_000;
  }

  message(retryAfterSeconds: number): string {
    return (
      `Too many requests: at most ${this.perMinute} per minute (bursts of ${this.burst}) per caller; ` +
      `retry in ${retryAfterSeconds} s`
    );
  }
}

/** Who a limit counts against: the user, the partner key, or (anonymous) the client address. */
export function rateKeyOf(context: GatewayContext): string {
  if (context.partner) return `partner:${context.partner.keyId}`;
  return callerKey(context.caller, context.clientAddress ?? undefined);
}

function callerKey(caller: Caller, address: string | undefined): string {
  if (caller.kind === 'user') return `user:${caller.id}`;
  if (caller.kind === 'system') return `system:${caller.name}`;
  return `address:${address ?? 'unknown'}`;
}
