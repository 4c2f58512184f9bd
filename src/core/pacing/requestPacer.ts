import type { Clock } from './clock';

/** Plivo allows about 300 requests per 5 s per account; staying at 200 leaves room for anything else the user runs. */
export const DEFAULT_PACE = { requests: 200, windowMs: 5000 } as const;

/**
 * Spaces request starts evenly (windowMs / requests apart), so no window of `windowMs` sees more
 * than `requests` + 1 starts, and pauses every caller after a 429 until Retry-After has passed.
 * One pacer per account, shared by every refresh of that account.
 */
export class RequestPacer {
  private readonly intervalMs: number;
  private nextStartAt = -Infinity;
  private pausedUntil = -Infinity;

  constructor(
    private readonly clock: Clock,
    requests: number = DEFAULT_PACE.requests,
    windowMs: number = DEFAULT_PACE.windowMs,
  ) {
    if (!(requests > 0 && windowMs > 0)) throw new RangeError('requests and windowMs must be positive.');
    this.intervalMs = windowMs / requests;
  }

  /** Waits for this caller's turn to start a request; rejects when the signal fires. */
  async acquire(signal?: AbortSignal): Promise<void> {
    // Each pass either returns or sleeps until a later time, so the loop ends as time moves on.
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      const at = Math.max(this.nextStartAt, this.pausedUntil);
      if (at <= now) {
        this.nextStartAt = now + this.intervalMs;
        return;
      }
      await this.clock.sleep(at - now, signal);
    }
  }

  /** Holds every caller until `seconds` from now (a 429's Retry-After). */
  pauseFor(seconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + seconds * 1000);
  }
}
