import { type Clock, systemClock } from '../core/pacing/clock';

/** Quiet time after the last edit before a document is validated again (at least 300 ms: typing is bursty). */
export const EDIT_DEBOUNCE_MS = 400;

/** One validation of one document, as the scheduler runs it. */
export interface ValidationJob<R> {
  /** The document's version now, or undefined once it is gone (closed). */
  version(): number | undefined;
  /** Does the work; `isStale` turns true when the version moves on. Undefined: nothing to publish. */
  run(isStale: () => boolean): Promise<R | undefined>;
  /** Shows a result; only called when the version is still the one the run started with. */
  publish(result: R): void;
}

interface KeyState<R> {
  job: ValidationJob<R>;
  /** Aborts the debounce wait of a pending request. */
  timer?: AbortController;
  running: boolean;
  again: boolean;
  /** Callers of `runNow` waiting for the next run to finish. */
  waiters: Array<() => void>;
}

/**
 * Runs validations per document: requests are debounced, at most one validation per document runs
 * at a time (a request during a run starts one more run afterwards), and the result of a run whose
 * document changed meanwhile is dropped.
 */
export class ValidationScheduler<R> {
  private readonly states = new Map<string, KeyState<R>>();
  private disposed = false;

  constructor(
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Validates `key` after `delayMs` of quiet; a later request for the same key restarts the wait. */
  request(key: string, job: ValidationJob<R>, delayMs: number): void {
    if (this.disposed) return;
    let state = this.states.get(key);
    if (state === undefined) {
      state = { job, running: false, again: false, waiters: [] };
      this.states.set(key, state);
    }
    state.job = job;
    state.timer?.abort();
    const current = state;
    const timer = new AbortController();
    current.timer = timer;
    this.clock.sleep(delayMs, timer.signal).then(
      () => {
        if (timer.signal.aborted) return; // restarted or cancelled as the wait ended
        current.timer = undefined;
        if (current.running) current.again = true;
        else void this.start(key, current);
      },
      () => undefined, // restarted or cancelled
    );
  }

  /** Runs `key` now (after any run in progress) and resolves once a run that started after this call ends. */
  runNow(key: string, job: ValidationJob<R>): Promise<void> {
    this.request(key, job, 0);
    const state = this.states.get(key);
    if (state === undefined) return Promise.resolve();
    return new Promise((resolve) => state.waiters.push(resolve));
  }

  /** Forgets `key`: a pending request is dropped and a running validation will not publish. */
  cancel(key: string): void {
    const state = this.states.get(key);
    if (state === undefined) return;
    state.timer?.abort();
    this.states.delete(key);
    for (const resolve of state.waiters.splice(0)) resolve();
  }

  /** True while `key` has a request waiting or a validation running. */
  isBusy(key: string): boolean {
    const state = this.states.get(key);
    return state !== undefined && (state.timer !== undefined || state.running);
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.states.keys()]) this.cancel(key);
  }

  private async start(key: string, state: KeyState<R>): Promise<void> {
    state.running = true;
    const waiting = state.waiters.splice(0);
    const job = state.job;
    const version = job.version();
    const isStale = (): boolean => this.states.get(key) !== state || job.version() !== version;
    try {
      if (version !== undefined) {
        const result = await job.run(isStale);
        if (result !== undefined && !isStale()) job.publish(result);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      state.running = false;
      for (const resolve of waiting) resolve();
    }
    if (state.again && this.states.get(key) === state) {
      state.again = false;
      void this.start(key, state);
    }
  }
}
