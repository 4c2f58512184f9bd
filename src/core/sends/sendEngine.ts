// The send engine: runs a journal to completion or to the first point where going on could send
// a destination twice. Every state change is saved before the next network step.
import type { PlivoClient } from '../client/plivoClient';
import { toDstParam } from '../destinations/wireForm';
import type { MessageRequest } from '../request';
import { type Clock, systemClock } from '../pacing/clock';
import { RequestPacer } from '../pacing/requestPacer';
import { recordAccepted, verdictForError } from './batchOutcome';
import { type BatchState, type JournalBatch, newBatch, type SendJournal, type SendRequestTemplate } from './journal';
import { DEFAULT_RECONCILE_OPTIONS, reconcileBatch, type ReconcileOptions } from './reconcile';
import { isComplete, type SendProgress, sendProgress } from './sendProgress';

/** Why a run ended. Only `complete` means every destination is accepted or refused. */
export type StopReason = 'complete' | 'checked' | 'cancelled' | 'in-doubt' | 'rejected' | 'auth' | 'unreachable' | 'rate-limited' | 'check-failed';

export type SendEvent =
  | { type: 'batch-start'; index: number; total: number; attempt: number }
  | { type: 'batch-end'; batch: JournalBatch }
  /** A 429: the run sleeps `waitMs` before posting the same batch again (cancellable). */
  | { type: 'rate-limited'; index: number; waitMs: number }
  | { type: 'checking'; index: number; page: number }
  | { type: 'checked'; index: number; recovered: number; notSent: number };

export interface SendEngineOptions<J extends SendJournal = SendJournal> {
  client: Pick<PlivoClient, 'sendMessage' | 'listMessages'>;
  /**
   * Stores the journal durably; `changed` are the batches changed since the last call, and
   * `started` (one of them) changed only by going in flight, so a store may record it briefly.
   * Awaited before each network step.
   */
  save(journal: J, changed: readonly JournalBatch[], started?: JournalBatch): Promise<void>;
  clock?: Clock;
  /** Batch POSTs started per second at most; 0 or absent: as fast as answers come. */
  batchesPerSecond?: number;
  reconcile?: Partial<ReconcileOptions>;
  /** UUIDs of other sends, never claimed by this one's reconciliation; asked only when a batch is checked (a long history makes it a large set). */
  knownUuids?: () => Iterable<string>;
  /** Stops between batches and during waits; a POST under way is never aborted (it could be half-queued). */
  signal?: AbortSignal;
  onEvent?(event: SendEvent): void;
  /** 429s answered for one batch before the run stops with it still pending. */
  maxRateLimitWaits?: number;
  /**
   * The user's explicit, confirmed choice: a batch in doubt whose check fails is sent again
   * anyway (it may deliver twice). Never a default.
   */
  resendUncheckable?: boolean;
}

export interface RunResult {
  stop: StopReason;
  progress: SendProgress;
  /** What stopped the run, in words (the server's message, the reading that failed). */
  detail?: string;
}

/**
 * A batch in flight in a journal nobody is running was cut off mid-POST (closed, reloaded, killed):
 * it is in doubt. Marks and returns those batches; the caller stores them.
 */
export function markInterrupted(journal: SendJournal): JournalBatch[] {
  const cut = journal.batches.filter((b) => b.state === 'in-flight');
  for (const batch of cut) {
    batch.state = 'in-doubt';
    batch.problem = { kind: 'interrupted', message: 'The send was interrupted (closed, reloaded or killed) while this batch was being posted.' };
  }
  return cut;
}

/** The API request of one batch. */
export function batchRequest(request: SendRequestTemplate, batch: JournalBatch): MessageRequest {
  return { ...request, dst: toDstParam(batch.destinations.map((d) => d.number)) };
}

/**
 * Checks the account for batches in doubt (a crash mid-POST leaves one in flight), then, in `send`
 * mode, gives every destination proven not sent a new batch and posts the pending batches in order.
 * `check` mode only reads the account.
 */
export async function runSend<J extends SendJournal>(journal: J, options: SendEngineOptions<J>, mode: 'send' | 'check' = 'send'): Promise<RunResult> {
  const run = new EngineRun(journal, options);
  return run.start(mode);
}

class EngineRun<J extends SendJournal> {
  private readonly clock: Clock;
  private readonly reconcileOptions: ReconcileOptions;
  private readonly pacer?: RequestPacer;

  constructor(
    private readonly journal: J,
    private readonly options: SendEngineOptions<J>,
  ) {
    this.clock = options.clock ?? systemClock;
    this.reconcileOptions = { ...DEFAULT_RECONCILE_OPTIONS, ...options.reconcile };
    if (options.batchesPerSecond && options.batchesPerSecond > 0) this.pacer = new RequestPacer(this.clock, options.batchesPerSecond, 1000);
  }

  async start(mode: 'send' | 'check'): Promise<RunResult> {
    await this.markInterrupted();
    const checked = await this.checkInDoubt();
    if (checked) return checked;
    if (mode === 'check') return this.result(isComplete(this.progress()) ? 'complete' : 'checked');
    await this.requeueNotSent();
    try {
      for (const batch of this.journal.batches) {
        if (batch.state !== 'pending') continue;
        const stop = await this.post(batch);
        if (stop) return stop;
      }
    } finally {
      await this.flushAccepted();
    }
    return this.result(isComplete(this.progress()) ? 'complete' : 'cancelled');
  }

  /**
   * Accepted batches are stored with the next batch's in-flight state, in one write before that
   * POST (or when the run ends): the rule "stored before the next network step" holds with one
   * fsync a batch. Should the process die in between, the accepted batch reads as in flight and
   * is checked in the account, never posted again.
   */
  private accepted: JournalBatch[] = [];

  private async flushAccepted(): Promise<void> {
    if (this.accepted.length === 0) return;
    const batches = this.accepted;
    this.accepted = [];
    await this.options.save(this.journal, batches);
  }

  private async markInterrupted(): Promise<void> {
    const cut = markInterrupted(this.journal);
    if (cut.length > 0) await this.options.save(this.journal, cut);
  }

  private async checkInDoubt(): Promise<RunResult | undefined> {
    for (const batch of this.journal.batches) {
      if (batch.state !== 'in-doubt') continue;
      if (this.options.signal?.aborted) return this.result('cancelled');
      try {
        const counts = await reconcileBatch(batch, this.journal.request, {
          client: this.options.client,
          clock: this.clock,
          options: this.reconcileOptions,
          knownUuids: this.knownUuids(batch),
          signal: this.options.signal,
          onPage: (page) => this.emit({ type: 'checking', index: batch.index, page }),
        });
        await this.options.save(this.journal, [batch]);
        this.emit({ type: 'checked', index: batch.index, ...counts });
      } catch (error) {
        if (this.options.signal?.aborted) return this.result('cancelled');
        batch.reconcileError = error instanceof Error ? error.message : String(error);
        if (this.options.resendUncheckable) {
          batch.state = 'reconciled';
          batch.problem = { kind: 'resent-by-choice', message: `It could not be checked (${batch.reconcileError}); its destinations were sent again by your choice.` };
          for (const d of batch.destinations) if (d.result !== 'refused') d.result = 'not-sent';
          await this.options.save(this.journal, [batch]);
          continue;
        }
        await this.options.save(this.journal, [batch]);
        return this.result('check-failed', `Batch ${batch.index + 1} could not be checked: ${batch.reconcileError}`);
      }
    }
    return undefined;
  }

  /** Every UUID of this send outside `batch`, plus the caller's: none may be claimed for `batch`. */
  private knownUuids(batch: JournalBatch): Set<string> {
    const known = new Set(this.options.knownUuids?.() ?? []);
    for (const other of this.journal.batches) {
      if (other === batch) continue;
      for (const d of other.destinations) if (d.uuid) known.add(d.uuid);
    }
    return known;
  }

  /** Destinations proven not sent get new pending batches, in their original order. */
  private async requeueNotSent(): Promise<void> {
    const again: string[] = [];
    const changed: JournalBatch[] = [];
    for (const batch of this.journal.batches) {
      if (batch.state !== 'rejected' && batch.state !== 'reconciled') continue;
      const before = again.length;
      for (const d of batch.destinations) {
        if (d.result !== 'not-sent' || d.resentIn !== undefined) continue;
        d.resentIn = this.journal.batches.length + Math.floor(again.length / this.journal.batchSize);
        again.push(d.number);
      }
      if (again.length > before) changed.push(batch);
    }
    if (again.length === 0) return;
    for (let start = 0; start < again.length; start += this.journal.batchSize) {
      const batch = newBatch(this.journal.batches.length, again.slice(start, start + this.journal.batchSize)) as J['batches'][number];
      this.journal.batches.push(batch);
      changed.push(batch);
    }
    await this.options.save(this.journal, changed);
  }

  /** Posts one batch, answering 429s; returns a result when the run must stop. */
  private async post(batch: JournalBatch): Promise<RunResult | undefined> {
    const total = this.journal.batches.length;
    const maxWaits = this.options.maxRateLimitWaits ?? 50;
    for (let waits = 0; ; waits++) {
      if (this.options.signal?.aborted) return this.result('cancelled');
      if (this.pacer) {
        // Paced, there is time to spare: the last answer is stored (and shown) before the wait.
        await this.flushAccepted();
        if (!(await this.wait(() => this.pacer!.acquire(this.options.signal)))) return this.result('cancelled');
      }
      batch.state = 'in-flight';
      batch.startedAt = new Date().toISOString();
      batch.attempts++;
      const accepted = this.accepted;
      this.accepted = [];
      await this.options.save(this.journal, [...accepted, batch], batch);
      this.emit({ type: 'batch-start', index: batch.index, total, attempt: batch.attempts });
      let thrown: unknown;
      try {
        const response = await this.options.client.sendMessage(batchRequest(this.journal.request, batch));
        recordAccepted(batch, response, new Date().toISOString());
      } catch (error) {
        thrown = error;
      }
      if (thrown === undefined) {
        // recordAccepted may have found the UUIDs unpairable: that stops the run, stored now.
        const doubtful = (batch.state as BatchState) === 'in-doubt';
        if (doubtful) await this.options.save(this.journal, [batch]);
        else this.accepted.push(batch);
        this.emit({ type: 'batch-end', batch });
        return doubtful ? this.result('in-doubt', batch.problem?.message) : undefined;
      }
      const verdict = verdictForError(thrown);
      batch.finishedAt = new Date().toISOString();
      switch (verdict.kind) {
        case 'retry-later': {
          batch.state = 'pending';
          batch.status = 429;
          await this.options.save(this.journal, [batch]);
          if (waits >= maxWaits) return this.result('rate-limited', `Plivo answered 429 (too many requests) ${waits + 1} times in a row.`);
          const waitMs = verdict.waitSeconds !== undefined ? verdict.waitSeconds * 1000 : Math.min(60_000, 1000 * 2 ** Math.min(waits, 6));
          this.emit({ type: 'rate-limited', index: batch.index, waitMs });
          if (!(await this.wait(() => this.clock.sleep(waitMs, this.options.signal)))) return this.result('cancelled');
          continue;
        }
        case 'not-reached':
          batch.state = 'pending';
          await this.options.save(this.journal, [batch]);
          this.emit({ type: 'batch-end', batch });
          return this.result('unreachable', verdict.message);
        case 'rejected':
          batch.state = 'rejected';
          batch.status = verdict.status;
          batch.problem = { kind: 'api', status: verdict.status, message: verdict.message };
          for (const d of batch.destinations) d.result = 'not-sent';
          await this.options.save(this.journal, [batch]);
          this.emit({ type: 'batch-end', batch });
          return this.result(verdict.auth ? 'auth' : 'rejected', verdict.message);
        case 'in-doubt':
          batch.state = 'in-doubt';
          batch.status = verdict.status;
          batch.problem = { kind: verdict.problemKind, status: verdict.status, message: verdict.message };
          await this.options.save(this.journal, [batch]);
          this.emit({ type: 'batch-end', batch });
          return this.result('in-doubt', verdict.message);
      }
    }
  }

  /** Runs a cancellable wait; false when it was cancelled. */
  private async wait(sleep: () => Promise<void>): Promise<boolean> {
    try {
      await sleep();
      return true;
    } catch (error) {
      if (this.options.signal?.aborted) return false;
      throw error;
    }
  }

  private progress(): SendProgress {
    return sendProgress(this.journal);
  }

  private result(stop: StopReason, detail?: string): RunResult {
    return { stop, progress: this.progress(), ...(detail ? { detail } : {}) };
  }

  private emit(event: SendEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A failing progress display must not change what the engine does.
    }
  }
}
