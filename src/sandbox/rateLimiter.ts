import { Fifo } from './fifo';

/** Plivo's window: requests are counted per account over 5 seconds. */
export const RATE_WINDOW_MS = 5000;

/** Sliding-window limiter: at most `limit` requests per account in any 5 s. */
export class RateLimiter {
  // Per account, the times of the requests inside the current window, oldest first.
  private readonly windows = new Map<string, Fifo<number>>();

  constructor(private readonly limit: number) {}

  /** Counts a request; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(account: string, now = Date.now()): number {
    let times = this.windows.get(account);
    if (!times) {
      times = new Fifo<number>();
      this.windows.set(account, times);
    }
    while ((times.peek() ?? Infinity) <= now - RATE_WINDOW_MS) times.shift();
    if (times.length >= this.limit) {
      return Math.max(1, Math.ceil(((times.peek() as number) + RATE_WINDOW_MS - now) / 1000));
    }
    times.push(now);
    return 0;
  }

  clear(): void {
    this.windows.clear();
  }
}
