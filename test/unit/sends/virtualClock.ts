// A clock whose time only moves when every task is waiting on it, so pacing tests run in
// milliseconds and see exact virtual times.
import type { Clock } from '../../../src/core/pacing/clock';

interface Sleeper {
  at: number;
  resolve: () => void;
}

const abortError = () => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });

export class VirtualClock implements Clock {
  private time = 0;
  private sleepers: Sleeper[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(abortError());
      };
      const sleeper: Sleeper = {
        at: this.time + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Runs `work` to the end, jumping to the next wake-up whenever nothing else can proceed. */
  async run<T>(work: Promise<T>, maxSteps = 200_000): Promise<T> {
    let done = false;
    const settled = work.then(
      () => (done = true),
      () => (done = true),
    );
    void settled;
    for (let step = 0; step < maxSteps; step++) {
      // setImmediate runs after every pending promise callback: all tasks are now done or asleep.
      await new Promise((resolve) => setImmediate(resolve));
      if (done) return work;
      if (this.sleepers.length === 0) throw new Error('Deadlock: work is pending but nothing waits on the clock.');
      this.time = Math.min(...this.sleepers.map((s) => s.at));
      const due = this.sleepers.filter((s) => s.at <= this.time);
      this.sleepers = this.sleepers.filter((s) => s.at > this.time);
      for (const sleeper of due) sleeper.resolve();
    }
    throw new Error(`Work did not finish within ${maxSteps} clock steps.`);
  }
}
