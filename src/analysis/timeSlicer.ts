import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Default slice budget: well under the 50 ms a host task may block, leaving room for one overrun. */
export const DEFAULT_SLICE_MS = 8;

export interface TimeSlicerOptions {
  /** Run this long before yielding to the event loop. */
  budgetMs?: number;
  /** Checked at every checkpoint; true stops the work (e.g. the document changed). */
  isCancelled?: () => boolean;
}

/**
 * Cuts long synchronous work into slices: `checkpoint()` yields to the event loop once the current
 * slice has run `budgetMs`, so timers, I/O and other extensions' requests get their turn. It also
 * records the longest slice, which is what the host would feel as a freeze.
 */
export class TimeSlicer {
  readonly budgetMs: number;
  private readonly isCancelled: () => boolean;
  private sliceStart = performance.now();
  private longest = 0;
  private count = 0;

  constructor(options: TimeSlicerOptions = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_SLICE_MS;
    this.isCancelled = options.isCancelled ?? (() => false);
  }

  /** Milliseconds on the same clock the slices are measured with. */
  now(): number {
    return performance.now();
  }

  /** Yields when the slice is used up; resolves false when the work should stop. */
  async checkpoint(): Promise<boolean> {
    if (this.now() - this.sliceStart >= this.budgetMs) {
      this.endSlice();
      await nextTurn();
      this.sliceStart = this.now();
    }
    return !this.isCancelled();
  }

  /** Closes the running slice so `longestSliceMs` includes it; call when the work is done. */
  finish(): void {
    this.endSlice();
    this.sliceStart = this.now();
  }

  /** The longest stretch between two yields so far, in ms. */
  get longestSliceMs(): number {
    return this.longest;
  }

  /** How many slices have ended. */
  get slices(): number {
    return this.count;
  }

  private endSlice(): void {
    const elapsed = this.now() - this.sliceStart;
    if (elapsed > this.longest) this.longest = elapsed;
    this.count++;
  }
}
