// Keeps refreshing sandbox sends while their messages may still change. No `vscode`: the history
// and the service come in as small interfaces, so it is tested against the real sandbox.
import { type Clock, systemClock } from '../../core/pacing/clock';
import type { SendRecord } from '../sendRecord';
import { AUTO_REFRESH_WINDOW_MS, autoRefreshTargets } from '../refreshTargets';
import type { RefreshReport, RefreshTarget, RunOptions } from './statusRefreshService';

/** What the auto-refresher reads: the sends, and a change event (SendHistory has both). */
export interface WatchedHistory {
  list(): readonly SendRecord[];
  onDidChange(listener: () => void): { dispose(): void };
}

export interface AutoRefreshOptions {
  /** Pause between two runs (default 2 s: the sandbox delivers in about 2 s). */
  intervalMs?: number;
  /** How long after a send it is watched (default 10 min). */
  windowMs?: number;
  /** Longest pause after runs that read nothing (default 60 s). */
  maxIntervalMs?: number;
  /** Times the pauses between runs (tests pass a virtual clock). */
  clock?: Clock;
  /** Wall-clock time in ms, to tell which sends are still within the window (their `createdAt` is a date). */
  now?: () => number;
}

/**
 * One timer at a time: a run starts only after the previous one ended. Stops by itself when no
 * sandbox send within the window has a message that may change; starts again on the next history
 * change. Runs that read nothing (sandbox gone) back off, doubling the pause.
 */
export class AutoRefresher {
  /** Aborts the pause before the next run. */
  private timer: AbortController | undefined;
  private run: AbortController | undefined;
  private idleRuns = 0;
  private disposed = false;
  private readonly subscription: { dispose(): void };
  private readonly intervalMs: number;
  private readonly windowMs: number;
  private readonly maxIntervalMs: number;
  private readonly now: () => number;
  private readonly clock: Clock;

  constructor(
    private readonly history: WatchedHistory,
    private readonly refresh: (targets: readonly RefreshTarget[], run: RunOptions) => Promise<RefreshReport>,
    options: AutoRefreshOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 2000;
    this.windowMs = options.windowMs ?? AUTO_REFRESH_WINDOW_MS;
    this.maxIntervalMs = options.maxIntervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.clock = options.clock ?? systemClock;
    this.subscription = history.onDidChange(() => this.poke());
    this.poke();
  }

  /** True while a run is scheduled or going on. */
  get active(): boolean {
    return this.timer !== undefined || this.run !== undefined;
  }

  /** Schedules a run if there is something to watch and none is pending. */
  poke(): void {
    if (this.disposed || this.active) return;
    if (autoRefreshTargets(this.history.list(), this.now(), this.windowMs).length === 0) {
      this.idleRuns = 0;
      return;
    }
    const pause = Math.min(this.maxIntervalMs, this.intervalMs * 2 ** this.idleRuns);
    const timer = new AbortController();
    this.timer = timer;
    this.clock.sleep(pause, timer.signal).then(
      () => {
        if (!timer.signal.aborted) void this.tick();
      },
      () => undefined, // disposed
    );
  }

  /** Stops the run going on (a manual refresh is about to read the same messages); the timer goes on. */
  cancelRun(): void {
    this.run?.abort();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const targets = autoRefreshTargets(this.history.list(), this.now(), this.windowMs);
    if (targets.length === 0 || this.disposed) return;
    const run = new AbortController();
    this.run = run;
    try {
      const report = await this.refresh(targets, { signal: run.signal });
      this.idleRuns = report.found > 0 ? 0 : this.idleRuns + 1;
    } catch {
      this.idleRuns += 1;
    } finally {
      this.run = undefined;
    }
    this.poke();
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.abort();
    this.timer = undefined;
    this.run?.abort();
    this.subscription.dispose();
  }
}
