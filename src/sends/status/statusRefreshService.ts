// Runs status refreshes for sends in the history: one client and one pacer per account, results
// written back in chunks, one run at a time. Free of `vscode` so it is tested against the sandbox.
import { PlivoClient } from '../../core/client';
import type { DestinationUpdate } from '../historySchema';
import type { SendRecord } from '../sendRecord';
import { type Clock, systemClock } from '../../core/pacing/clock';
import { clientLookup, updateFromLookup } from './messageLookup';
import { confirmPairing } from './uuidPairing';
import { refreshStatuses, type RefreshSummary } from './refreshStatuses';
import { RequestPacer } from '../../core/pacing/requestPacer';

/** Where a send's statuses are read: what `resolveConnection` gives. Held only for one run. */
export interface AccountConnection {
  baseUrl: string;
  authId: string;
  authToken: string;
}

/** The part of SendHistory the service needs. */
export interface StatusHistory {
  get(id: string): SendRecord | undefined;
  applyDestinationUpdates(sendId: string, updates: ReadonlyMap<string, DestinationUpdate>): Promise<number>;
}

/** UUIDs of one send to read. */
export interface RefreshTarget {
  sendId: string;
  uuids: readonly string[];
}

export interface StatusRefreshOptions {
  /**
   * The account a send's statuses are read from; undefined when the user declined (e.g. cancelled
   * the token prompt). Throws with a user-facing message when it cannot be had (profile deleted).
   */
  connect: (record: SendRecord) => Promise<AccountConnection | undefined>;
  clock?: Clock;
  /** How often results are written to the history while a run goes on (default 1 s). */
  flushMs?: number;
  /** Requests per 5 s per account (default 200). */
  requestsPer5s?: number;
  concurrency?: number;
}

/** The outcome of one run over all its targets: the per-account counts summed. */
export interface RefreshReport extends Pick<RefreshSummary, 'total' | 'done' | 'found' | 'notFound' | 'failed' | 'rateLimitWaits'> {
  cancelled: boolean;
  /** One line per account that could not be read or stopped early. */
  problems: string[];
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const accountKey = (c: AccountConnection) => `${c.baseUrl}|${c.authId}`;

export class StatusRefreshService {
  private readonly pacers = new Map<string, RequestPacer>();
  private queue: Promise<unknown> = Promise.resolve();
  private running = 0;

  constructor(
    private readonly history: StatusHistory,
    private readonly options: StatusRefreshOptions,
  ) {}

  /** True while a run is going on or waiting for its turn. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Reads the targets' statuses; runs queue behind each other so two never share a budget blindly. */
  refresh(targets: readonly RefreshTarget[], run: RunOptions = {}): Promise<RefreshReport> {
    this.running += 1;
    const result = this.queue.then(() => this.runNow(targets, run));
    this.queue = result.catch(() => undefined);
    return result.finally(() => {
      this.running -= 1;
    });
  }

  private async runNow(targets: readonly RefreshTarget[], run: RunOptions): Promise<RefreshReport> {
    const total = targets.reduce((n, t) => n + t.uuids.length, 0);
    const report: RefreshReport = { total, done: 0, found: 0, notFound: 0, failed: 0, rateLimitWaits: 0, cancelled: false, problems: [] };
    for (const group of await this.groupByAccount(targets, report)) {
      if (run.signal?.aborted) break;
      const before = report.done;
      let summary: RefreshSummary;
      try {
        summary = await this.refreshAccount(group.connection, group.targets, run, (done) => run.onProgress?.(before + done, total));
      } catch (error) {
        // e.g. a custom profile whose base URL the client rejects: report it, go on with the others.
        report.problems.push(`${group.label}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      report.done += summary.done;
      report.found += summary.found;
      report.notFound += summary.notFound;
      report.failed += summary.failed;
      report.rateLimitWaits += summary.rateLimitWaits;
      if (summary.stopped && summary.stopped !== 'cancelled') report.problems.push(`${group.label}: ${summary.stopDetail}`);
    }
    report.cancelled = run.signal?.aborted === true;
    return report;
  }

  private async groupByAccount(targets: readonly RefreshTarget[], report: RefreshReport) {
    const groups = new Map<string, { connection: AccountConnection; label: string; targets: RefreshTarget[] }>();
    const byProfile = new Map<string, AccountConnection | undefined>();
    for (const target of targets) {
      const record = this.history.get(target.sendId);
      if (!record || target.uuids.length === 0) continue;
      let connection: AccountConnection | undefined;
      try {
        if (!byProfile.has(record.profileId)) byProfile.set(record.profileId, await this.options.connect(record));
        connection = byProfile.get(record.profileId);
      } catch (error) {
        byProfile.set(record.profileId, undefined);
        report.problems.push(error instanceof Error ? error.message : String(error));
      }
      if (!connection) continue;
      const key = accountKey(connection);
      const group = groups.get(key) ?? { connection, label: record.profileName, targets: [] };
      group.targets.push(target);
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  private async refreshAccount(connection: AccountConnection, targets: RefreshTarget[], run: RunOptions, onProgress: (done: number) => void): Promise<RefreshSummary> {
    const clock = this.options.clock ?? systemClock;
    const key = accountKey(connection);
    let pacer = this.pacers.get(key);
    if (!pacer) {
      pacer = new RequestPacer(clock, this.options.requestsPer5s ?? 200, 5000);
      this.pacers.set(key, pacer);
    }
    const sendOf = new Map<string, string>();
    for (const target of targets) for (const uuid of target.uuids) sendOf.set(uuid, target.sendId);
    const pending = new Map<string, Map<string, DestinationUpdate>>();
    let lastFlush = clock.now();
    const flush = async () => {
      lastFlush = clock.now();
      const batches = [...pending.entries()];
      pending.clear();
      for (const [sendId, updates] of batches) await this.history.applyDestinationUpdates(sendId, updates);
    };
    const client = new PlivoClient({ baseUrl: connection.baseUrl, authId: connection.authId, authToken: connection.authToken });
    try {
      const summary = await refreshStatuses([...sendOf.keys()], clientLookup(client), {
        pacer,
        concurrency: this.options.concurrency,
        signal: run.signal,
        onResult: (uuid, outcome) => {
          const update = updateFromLookup(outcome, new Date());
          const sendId = sendOf.get(uuid);
          if (!update || !sendId) return;
          const record = this.history.get(sendId);
          // The UUID is saved with the state update below, on the destination it now sits on.
          if (record && outcome.kind === 'found') confirmPairing(record, uuid, outcome.message.to_number);
          const updates = pending.get(sendId) ?? new Map<string, DestinationUpdate>();
          updates.set(uuid, update);
          pending.set(sendId, updates);
          if (clock.now() - lastFlush >= (this.options.flushMs ?? 1000)) void flush();
        },
        onProgress,
      });
      await flush();
      return summary;
    } finally {
      await client.close();
    }
  }
}
