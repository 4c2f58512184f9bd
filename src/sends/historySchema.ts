// The stored shape of the sends history, read, migrated forward and bounded without `vscode`,
// so every rule here is unit-tested. The store (sendStore.ts) only does I/O around it.
import { requestFields } from '../composer/buildSendInput';
import { MAX_DESTINATIONS } from '../core/request';
import { type BatchState, JOURNAL_SCHEMA_VERSION } from '../core/sends/journal';
import { normaliseDraft } from '../protocol/composerDraft';
import type { BatchRecord, DeliveryState, DestinationRecord, SendRecord } from './sendRecord';

/** Bump when the stored shape changes, and add a step to MIGRATIONS. */
export const HISTORY_SCHEMA_VERSION = 1;

/** What globalState holds under StorageKeys.history. */
export interface StoredHistoryV1 {
  schemaVersion: 1;
  /** Newest first. */
  sends: SendRecord[];
}

/** A status change for one destination, matched by its UUID. */
export type DestinationUpdate = Partial<Omit<DestinationRecord, 'number' | 'uuid'>>;

/** How much history is kept: the newest sends, and a cap on the entries they hold in total. */
export interface HistoryLimits {
  maxSends: number;
  /** Destinations plus invalid and skipped entries, summed over the kept sends. */
  maxEntries: number;
}

/**
 * The first round's caps for one globalState value. The file store (sendStore.ts) keeps only
 * `maxSends`: each send has its own file, so the byte budget below replaces the entry cap.
 */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxSends: 200, maxEntries: 20_000 };

/** Default of `bulkMessaging.history.maxBytes`: the send files' total size before drafts are trimmed. */
export const DEFAULT_MAX_HISTORY_BYTES = 50 * 1024 * 1024;
/** The smallest budget the setting accepts. */
export const MIN_MAX_HISTORY_BYTES = 1024 * 1024;
/** Sends never deleted for the byte budget: the newest, whose UUIDs the user still reads back. */
export const KEEP_NEWEST_SENDS = 20;

export type HistoryReadResult =
  | {
      ok: true;
      sends: SendRecord[];
      /** Stored entries that are not send records: the caller keeps them aside, never drops them. */
      unreadable: unknown[];
      /** True when the stored value is not in the current shape and should be written back. */
      migrated: boolean;
    }
  | { ok: false; reason: string };

const STATES: readonly DeliveryState[] = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'rejected', 'read', 'unknown'];

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function readDestination(value: unknown): DestinationRecord | undefined {
  if (!isObject(value) || typeof value.number !== 'string') return undefined;
  const state = STATES.includes(value.state as DeliveryState) ? (value.state as DeliveryState) : 'unknown';
  return { ...(value as unknown as DestinationRecord), state };
}

function readBatch(value: unknown, position: number, createdAt: string): BatchRecord | undefined {
  if (!isObject(value)) return undefined;
  const destinations = Array.isArray(value.destinations) ? value.destinations.map(readDestination) : [];
  if (destinations.some((d) => d === undefined)) return undefined;
  const batch: BatchRecord = {
    ...(value as unknown as BatchRecord),
    index: typeof value.index === 'number' ? value.index : position,
    destinations: destinations as DestinationRecord[],
    invalidNumbers: strings(value.invalidNumbers),
    attempts: typeof value.attempts === 'number' ? value.attempts : 1,
  };
  if (!BATCH_STATES.includes(value.state as BatchState)) fromFirstRoundBatch(batch, value, createdAt);
  return batch;
}

const BATCH_STATES: readonly BatchState[] = ['pending', 'in-flight', 'accepted', 'rejected', 'in-doubt', 'reconciled'];

/**
 * First-round records had no batch states: a batch had a 202 body or a `failure`. A failure with a
 * 4xx other than 429 queued nothing; any other failure may have queued messages, so it is in doubt
 * (its window starts at the send's time, the closest start time it kept).
 */
function fromFirstRoundBatch(batch: BatchRecord, value: Loose, createdAt: string): void {
  const failure = isObject(value.failure) ? value.failure : undefined;
  const legacy = batch as BatchRecord & { failure?: unknown };
  delete legacy.failure;
  for (const d of batch.destinations) {
    if (d.uuid) d.result = 'accepted';
    else if (d.errorCode === 'invalid') d.result = 'refused';
  }
  if (!failure) {
    batch.state = 'accepted';
    return;
  }
  const status = typeof failure.status === 'number' ? failure.status : undefined;
  const message = [failure.title, failure.detail].filter((t) => typeof t === 'string' && t !== '').join(': ');
  batch.status = status;
  batch.startedAt = createdAt;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
    batch.state = 'rejected';
    batch.problem = { kind: 'api', status, message };
    for (const d of batch.destinations) d.result = 'not-sent';
  } else {
    batch.state = 'in-doubt';
    batch.problem = { kind: 'first-round', status, message };
  }
}

/** A stored send record with defaults filled in, or undefined when it is not one. */
export function readSendRecord(value: unknown): SendRecord | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.createdAt !== 'string') return undefined;
  if (!Array.isArray(value.batches) || !isObject(value.draft)) return undefined;
  const createdAt = value.createdAt;
  const batches = value.batches.map((b, i) => readBatch(b, i, createdAt));
  if (batches.some((b) => b === undefined)) return undefined;
  const draftValue = value.draft as Loose;
  const sender = isObject(draftValue.sender) ? draftValue.sender : { kind: 'src', value: '' };
  // Only what the tree reads is checked here; the composer normalises the rest when it reopens the draft.
  const draft = { ...(draftValue as unknown as SendRecord['draft']), sender: sender as SendRecord['draft']['sender'], text: typeof draftValue.text === 'string' ? draftValue.text : '' };
  const record: SendRecord & { unsentBatches?: unknown } = {
    ...(value as unknown as SendRecord),
    schemaVersion: JOURNAL_SCHEMA_VERSION,
    fingerprint: typeof value.fingerprint === 'string' ? value.fingerprint : '',
    request: isObject(value.request) ? (value.request as unknown as SendRecord['request']) : { ...requestFields(normaliseDraft(draft)) , text: draft.text },
    batchSize: typeof value.batchSize === 'number' ? value.batchSize : MAX_DESTINATIONS,
    draft,
    profileId: typeof value.profileId === 'string' ? value.profileId : '',
    profileName: typeof value.profileName === 'string' ? value.profileName : '(unknown profile)',
    isSandbox: value.isSandbox === true,
    skippedInvalid: strings(value.skippedInvalid),
    batches: batches as BatchRecord[],
  };
  delete record.unsentBatches;
  return record;
}

/** Steps from version N to N+1. Version 0 was a bare array of records, before the envelope. */
const MIGRATIONS: Record<number, (value: unknown) => unknown> = {
  0: (value) => ({ schemaVersion: 1, sends: value }),
};

function versionOf(raw: unknown): number | undefined {
  if (Array.isArray(raw)) return 0;
  if (isObject(raw) && typeof raw.schemaVersion === 'number' && Number.isInteger(raw.schemaVersion)) return raw.schemaVersion;
  return undefined;
}

/**
 * Reads what globalState holds, migrating older shapes forward. Never throws and never discards:
 * an unreadable whole is reported (`ok: false`), unreadable entries are returned in `unreadable`.
 */
export function readStoredHistory(raw: unknown): HistoryReadResult {
  if (raw === undefined || raw === null) return { ok: true, sends: [], unreadable: [], migrated: false };
  let version = versionOf(raw);
  if (version === undefined) return { ok: false, reason: 'unrecognised format' };
  if (version > HISTORY_SCHEMA_VERSION) return { ok: false, reason: `saved by a newer version (schema ${version})` };
  let value: unknown = raw;
  const migrated = version < HISTORY_SCHEMA_VERSION;
  while (version < HISTORY_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, reason: `no migration from schema ${version}` };
    value = step(value);
    version += 1;
  }
  const sendsValue = (value as Loose).sends;
  if (!Array.isArray(sendsValue)) return { ok: false, reason: 'the list of sends is missing' };
  const sends: SendRecord[] = [];
  const unreadable: unknown[] = [];
  for (const entry of sendsValue) {
    const record = readSendRecord(entry);
    if (record) sends.push(record);
    else unreadable.push(entry);
  }
  return { ok: true, sends: newestFirst(sends), unreadable, migrated };
}

/** Sorted by createdAt, newest first; ties keep their order. */
export function newestFirst(sends: readonly SendRecord[]): SendRecord[] {
  return [...sends].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Destinations, API-invalid and locally skipped entries of one send. */
export function entryCount(record: SendRecord): number {
  return record.skippedInvalid.length + record.batches.reduce((n, b) => n + b.destinations.length + b.invalidNumbers.length, 0);
}

/**
 * Keeps the newest sends within the limits (input newest first). The newest send is always kept,
 * even when it alone is over the entry cap: the user has just made it.
 */
export function boundHistory(sends: readonly SendRecord[], limits: HistoryLimits = DEFAULT_HISTORY_LIMITS): { kept: SendRecord[]; dropped: SendRecord[] } {
  const kept: SendRecord[] = [];
  let entries = 0;
  let index = 0;
  for (; index < sends.length; index++) {
    const size = entryCount(sends[index]);
    if (kept.length > 0 && (kept.length >= limits.maxSends || entries + size > limits.maxEntries)) break;
    kept.push(sends[index]);
    entries += size;
  }
  return { kept, dropped: sends.slice(index) };
}

/** Applies status changes to a record's destinations in place, matched by UUID; returns how many changed. */
export function applyDestinationUpdates(record: SendRecord, updates: ReadonlyMap<string, DestinationUpdate>): number {
  let changed = 0;
  for (const batch of record.batches) {
    for (const destination of batch.destinations) {
      const update = destination.uuid ? updates.get(destination.uuid) : undefined;
      if (!update) continue;
      Object.assign(destination, update);
      changed += 1;
    }
  }
  return changed;
}

/** The value written back to globalState. */
export function toStoredHistory(sends: SendRecord[]): StoredHistoryV1 {
  return { schemaVersion: HISTORY_SCHEMA_VERSION, sends };
}
