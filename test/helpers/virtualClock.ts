// A clock whose time moves only when a test moves it, so timing tests run in milliseconds and see
// exact virtual times: `run` jumps to the next wake-up whenever every task waits on the clock,
// `advance` moves a given span (for "nothing happens before…" checks).
import type { Clock } from '../../src/core/pacing/clock';

interface Sleeper {
  at: number;
  resolve: () => void;
}

const abortError = () => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });

/** Lets every pending promise callback and I/O callback of this turn run: what can proceed has. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

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

  /** How many sleeps are waiting on this clock. */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Moves time forward by `ms`, waking each sleeper at its own time and letting it run before the next. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const next = Math.min(...this.sleepers.map((s) => s.at));
      if (!(next <= end)) break;
      this.wake(next);
      await settle();
    }
    this.time = end;
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
      await settle();
      if (done) return work;
      if (this.sleepers.length === 0) throw new Error('Deadlock: work is pending but nothing waits on the clock.');
      this.wake(Math.min(...this.sleepers.map((s) => s.at)));
    }
    throw new Error(`Work did not finish within ${maxSteps} clock steps.`);
  }

  private wake(at: number): void {
    this.time = at;
    const due = this.sleepers.filter((s) => s.at <= at);
    this.sleepers = this.sleepers.filter((s) => s.at > at);
    for (const sleeper of due) sleeper.resolve();
  }
}
