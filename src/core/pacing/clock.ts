import { setTimeout as delay } from 'node:timers/promises';

/** Time as pacing and waiting code sees it; tests pass a virtual clock. */
export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms`; rejects with an AbortError when the signal fires first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) => delay(Math.max(0, ms), undefined, { signal }),
};
