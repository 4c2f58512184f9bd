import { Fifo } from './fifo';

/** Plivo's window: requests are counted per account over 5 seconds. */
export const RATE_WINDOW_MS = 5000;

/** Requests made in one millisecond. */
interface Bucket {
  at: number;
  count: number;
}

/** One account's requests inside the current window, oldest first. */
interface Window {
  buckets: Fifo<Bucket>;
  newest: Bucket | undefined;
  total: number;
}

/**
 * Sliding-window limiter: at most `limit` requests per account in any 5 s. Requests of the same
 * millisecond share a bucket: a busy client (thousands of requests a second) keeps a few thousand
 * small objects for the window, not one boxed time per request surviving into the old heap.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limit: number) {}

  /** Counts a request; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(account: string, now = Date.now()): number {
    let window = this.windows.get(account);
    if (!window) {
      window = { buckets: new Fifo<Bucket>(), newest: undefined, total: 0 };
      this.windows.set(account, window);
    }
    for (let oldest = window.buckets.peek(); oldest && oldest.at <= now - RATE_WINDOW_MS; oldest = window.buckets.peek()) {
      window.total -= oldest.count;
      window.buckets.shift();
    }
    if (window.total >= this.limit) {
      return Math.max(1, Math.ceil(((window.buckets.peek() as Bucket).at + RATE_WINDOW_MS - now) / 1000));
    }
    window.total++;
    if (window.newest?.at === now) window.newest.count++;
    else window.buckets.push((window.newest = { at: now, count: 1 }));
    return 0;
  }

  clear(): void {
    this.windows.clear();
  }
}
