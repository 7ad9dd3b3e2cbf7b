import { RateLimiter } from '../../src/guard/rate-limiter';

describe('the per-caller rate limit (token bucket)', () => {
  it('allows a burst, then one request per refill interval, and says when to come back', () => {
    let now = 0;
    // 60 per minute = one per second; bursts of 3.
    const limiter = new RateLimiter(60, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take('user:a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('user:a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Another caller has its own bucket.
    expect(limiter.take('user:b').allowed).toBe(true);
    now += 1_000; // one token back
    expect(limiter.take('user:a').allowed).toBe(true);
    expect(limiter.take('user:a').allowed).toBe(false);
    expect(limiter.message(1)).toBe('Too many requests: at most 60 per minute (bursts of 3) per caller; retry in 1 s');
  });
});
