import * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import {
  applyDestinationUpdates,
  boundHistory,
  DEFAULT_HISTORY_LIMITS,
  type DestinationUpdate,
  newestFirst,
  readStoredHistory,
  toStoredHistory,
  type HistoryLimits,
} from './historySchema';
import type { BatchRecord, SendRecord } from './sendRecord';

export type { DestinationUpdate } from './historySchema';

/** Where stored history that could not be read is kept, so a later version (or a person) can recover it. */
export const UNREADABLE_HISTORY_KEY = `${StorageKeys.history}.unreadable`;

/** One value kept aside under UNREADABLE_HISTORY_KEY. */
export interface UnreadableHistory {
  savedAt: string;
  reason: string;
  value: unknown;
}

export interface SendHistoryOptions {
  limits?: HistoryLimits;
  /** Shows a warning; defaults to a VS Code warning notification. */
  warn?: (message: string) => void;
}

/**
 * The sends history in a Memento (globalState): versioned, migrated forward, bounded to the newest
 * sends. Records are held by reference: the send service may keep the object it added and pass it
 * to `update` again. Writes are queued so they reach the Memento in order.
 */
export class SendHistory implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any add, update, status change, removal or clear. */
  readonly onDidChange = this.changed.event;
  private sends: SendRecord[] = [];
  private writes: Promise<void> = Promise.resolve();
  private readonly limits: HistoryLimits;
  private readonly warn: (message: string) => void;

  constructor(
    private readonly state: vscode.Memento,
    options: SendHistoryOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_HISTORY_LIMITS;
    this.warn = options.warn ?? ((message) => void vscode.window.showWarningMessage(message));
    this.load();
  }

  private load(): void {
    const raw = this.state.get<unknown>(StorageKeys.history);
    const read = readStoredHistory(raw);
    if (!read.ok) {
      // Never delete what we cannot read: keep it aside, then start an empty history.
      this.keepAside(read.reason, raw);
      this.warn(`Bulk Messaging: the sends history could not be read (${read.reason}). It was kept aside, not deleted; new sends start a fresh history.`);
      this.sends = [];
      this.persist();
      return;
    }
    if (read.unreadable.length > 0) {
      this.keepAside('unreadable entries', read.unreadable);
      this.warn(`Bulk Messaging: ${read.unreadable.length} saved send(s) could not be read. They were kept aside, not deleted.`);
    }
    this.sends = boundHistory(read.sends, this.limits).kept;
    if (read.migrated || read.unreadable.length > 0 || this.sends.length < read.sends.length) this.persist();
  }

  private keepAside(reason: string, value: unknown): void {
    const previous = this.state.get<UnreadableHistory[]>(UNREADABLE_HISTORY_KEY);
    const kept = Array.isArray(previous) ? previous : [];
    this.enqueue(() => this.state.update(UNREADABLE_HISTORY_KEY, [...kept, { savedAt: new Date().toISOString(), reason, value }]));
  }

  /** Every send, newest first. */
  list(): readonly SendRecord[] {
    return this.sends;
  }

  get(id: string): SendRecord | undefined {
    return this.sends.find((send) => send.id === id);
  }

  /** Adds a send (normally just made) and drops the oldest beyond the limits. */
  add(record: SendRecord): Promise<void> {
    this.sends = newestFirst([record, ...this.sends.filter((send) => send.id !== record.id)]);
    return this.commit();
  }

  /** Replaces the stored send with the same id; does nothing when it is gone (the user deleted it meanwhile). */
  update(record: SendRecord): Promise<void> {
    const index = this.sends.findIndex((send) => send.id === record.id);
    if (index < 0) return Promise.resolve();
    this.sends[index] = record;
    return this.commit();
  }

  /** Stores the batches a send run changed (the record is held by reference, so they are already in it). */
  saveBatches(record: SendRecord, _changed: readonly BatchRecord[]): Promise<void> {
    return this.get(record.id) ? this.update(record) : this.add(record);
  }

  /** Every UUID of every send but one. */
  knownUuids(exceptSendId: string): Set<string> {
    const known = new Set<string>();
    for (const send of this.sends) {
      if (send.id === exceptSendId) continue;
      for (const batch of send.batches) for (const d of batch.destinations) if (d.uuid) known.add(d.uuid);
    }
    return known;
  }

  /**
   * Applies status changes to the current record's destinations, matched by UUID; a record replaced
   * meanwhile by `update` gets them too. Returns how many destinations changed.
   */
  async applyDestinationUpdates(sendId: string, updates: ReadonlyMap<string, DestinationUpdate>): Promise<number> {
    const record = this.get(sendId);
    if (!record || updates.size === 0) return 0;
    const changed = applyDestinationUpdates(record, updates);
    if (changed > 0) await this.commit();
    return changed;
  }

  /** Removes one send; false when it was not there. */
  remove(id: string): Promise<boolean> {
    const before = this.sends.length;
    this.sends = this.sends.filter((send) => send.id !== id);
    if (this.sends.length === before) return Promise.resolve(false);
    return this.commit().then(() => true);
  }

  /** Removes every send. */
  clear(): Promise<void> {
    this.sends = [];
    return this.commit();
  }

  /** Resolves when every write so far has reached the Memento. */
  flush(): Promise<void> {
    return this.writes;
  }

  private commit(): Promise<void> {
    this.sends = boundHistory(this.sends, this.limits).kept;
    const written = this.persist();
    this.changed.fire();
    return written;
  }

  private persist(): Promise<void> {
    const snapshot = toStoredHistory(this.sends);
    return this.enqueue(() => this.state.update(StorageKeys.history, snapshot));
  }

  private enqueue(write: () => Thenable<void>): Promise<void> {
    // Each write's failure is reported here, so the chain itself never rejects.
    this.writes = this.writes.then(write).then(undefined, (error: unknown) => {
      this.warn(`Bulk Messaging: the sends history could not be saved (${error instanceof Error ? error.message : String(error)}).`);
    });
    return this.writes;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
