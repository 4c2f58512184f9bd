// A send as a journal: its unique destinations in batches, each batch in one state. The engine
// stores the journal before every network step, so a crash or reload never forgets a POST.
import { createHash, randomUUID } from 'node:crypto';
import { toBatches } from '../destinations/wireForm';
import { MAX_DESTINATIONS, type CallbackMethod, type MessageType } from '../request';

export const JOURNAL_SCHEMA_VERSION = 1;

/**
 * `pending` → `in-flight` (stored with its start time before the POST) → `accepted` | `rejected`
 * (a 4xx other than 429: Plivo queued nothing) | `in-doubt` (the POST may have been queued) →
 * `reconciled` (each destination read back from the account's message list).
 */
export type BatchState = 'pending' | 'in-flight' | 'accepted' | 'rejected' | 'in-doubt' | 'reconciled';

/** What became of one destination, once known. */
export type DestinationResult = 'accepted' | 'refused' | 'not-sent';

export interface JournalDestination {
  /** E.164 with `+`. */
  number: string;
  uuid?: string;
  /** Absent while its batch is pending, in flight or in doubt. */
  result?: DestinationResult;
  /** The UUID was read back from the message list (reconciliation), not from the 202. */
  recovered?: true;
  /** Index of the later batch that took this not-sent destination again ("Send the rest"). */
  resentIn?: number;
}

/** Why a batch is rejected or in doubt, in plain data (no error objects: the journal is JSON). */
export interface BatchProblem {
  /** `api`, `timeout`, `network`, `malformed-response`, `uuid-count`, `interrupted`… */
  kind: string;
  status?: number;
  message: string;
}

export interface JournalBatch {
  index: number;
  state: BatchState;
  destinations: JournalDestination[];
  /** POSTs made for this batch (a 429 is answered without queuing, so it may be posted again). */
  attempts: number;
  /** ISO time the last POST started: the lower bound of the window reconciliation reads. */
  startedAt?: string;
  finishedAt?: string;
  /** HTTP status, when a response came back. */
  status?: number;
  apiId?: string;
  message?: string;
  elapsedMs?: number;
  /** The API's `invalid_number` list, as it returned it. */
  invalidNumbers: string[];
  /** The raw 202 body (never holds credentials). */
  responseJson?: string;
  problem?: BatchProblem;
  /** UUIDs of a 202 whose count did not match the destinations: paired by reconciliation instead. */
  unpairedUuids?: string[];
  reconciledAt?: string;
  /** Why the last reconciliation could not finish; the batch stays in doubt. */
  reconcileError?: string;
}

/** The fields every batch of the send carries; `dst` is added per batch. */
export interface SendRequestTemplate {
  src?: string;
  powerpack_uuid?: string;
  text: string;
  type?: MessageType;
  url?: string;
  method?: CallbackMethod;
}

export interface SendJournal<B extends JournalBatch = JournalBatch> {
  schemaVersion: typeof JOURNAL_SCHEMA_VERSION;
  id: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Hash of the request and the destinations: a journal is resumed only by the same send. */
  fingerprint: string;
  request: SendRequestTemplate;
  batchSize: number;
  batches: B[];
}

/** Hash of what makes two sends the same: the request fields and the unique destinations in order. */
export function sendFingerprint(request: SendRequestTemplate, numbers: readonly string[]): string {
  const hash = createHash('sha256');
  const { src, powerpack_uuid, text, type, url, method } = request;
  hash.update(JSON.stringify([src ?? null, powerpack_uuid ?? null, text, type ?? null, url ?? null, url ? method ?? 'POST' : null]));
  for (const number of numbers) hash.update(`\n${number}`);
  return hash.digest('hex');
}

/** A new journal: every unique destination in a pending batch of at most `batchSize`. */
export function createJournal(request: SendRequestTemplate, numbers: readonly string[], batchSize = MAX_DESTINATIONS): SendJournal {
  const batches = toBatches(numbers, batchSize);
  const unique = batches.flat();
  return {
    schemaVersion: JOURNAL_SCHEMA_VERSION,
    id: randomUUID(),
    createdAt: new Date().toISOString(),
    fingerprint: sendFingerprint(request, unique),
    request,
    batchSize,
    batches: batches.map((chunk, index) => newBatch(index, chunk)),
  };
}

export function newBatch(index: number, numbers: readonly string[]): JournalBatch {
  return { index, state: 'pending', destinations: numbers.map((number) => ({ number })), attempts: 0, invalidNumbers: [] };
}
