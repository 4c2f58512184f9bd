/** Plivo's window: requests are counted per account over 5 seconds. */
export const RATE_WINDOW_MS = 5000;

/** Sliding-window limiter: at most `limit` requests per account in any 5 s. */
export class RateLimiter {
  // Per account, a ring of the last `limit` request times: the slot about to be overwritten is the oldest.
  private readonly rings = new Map<string, { times: number[]; next: number }>();

  constructor(private readonly limit: number) {}

  /** Counts a request; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(account: string, now = Date.now()): number {
    let ring = this.rings.get(account);
    if (!ring) {
      ring = { times: [], next: 0 };
      this.rings.set(account, ring);
    }
    if (ring.times.length < this.limit) {
      ring.times.push(now);
      return 0;
    }
    const oldest = ring.times[ring.next];
    if (now - oldest < RATE_WINDOW_MS) {
      return Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - now) / 1000));
    }
    ring.times[ring.next] = now;
    ring.next = (ring.next + 1) % this.limit;
    return 0;
  }

  clear(): void {
    this.rings.clear();
  }
}
