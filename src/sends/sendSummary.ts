// Counting and wording shared by the tree, its tooltips and the notifications. No `vscode` here.
import type { BatchRecord, DeliveryState, DestinationRecord, SendRecord } from './sendRecord';

/** Per-state counts of a send (or one batch) plus its invalid entries. */
export interface SendCounts {
  destinations: number;
  byState: Record<DeliveryState, number>;
  /** Entries the API listed in `invalid_number`. */
  apiInvalid: number;
  /** Entries the local preview found invalid and did not send. */
  skipped: number;
  /** Batches rejected or in doubt. */
  failedBatches: number;
  uuids: number;
}

/** The order states are listed in, from still moving to final. */
export const STATE_ORDER: readonly DeliveryState[] = ['queued', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'rejected', 'unknown'];

const emptyByState = (): Record<DeliveryState, number> => ({ queued: 0, sent: 0, delivered: 0, undelivered: 0, failed: 0, rejected: 0, read: 0, unknown: 0 });

/** Counts over the whole send. */
export function countSend(record: SendRecord): SendCounts {
  const counts: SendCounts = { destinations: 0, byState: emptyByState(), apiInvalid: 0, skipped: record.skippedInvalid.length, failedBatches: 0, uuids: 0 };
  for (const batch of record.batches) {
    counts.apiInvalid += batch.invalidNumbers.length;
    if (batch.state === 'rejected' || batch.state === 'in-doubt') counts.failedBatches += 1;
    for (const destination of batch.destinations) {
      // A not-sent destination that went out again in a later batch is counted there.
      if (destination.resentIn !== undefined) continue;
      counts.destinations += 1;
      // Refused numbers are counted once, as invalid, not also as failed messages.
      if (!isRefused(destination)) counts.byState[destination.state] += 1;
      if (destination.uuid) counts.uuids += 1;
    }
  }
  return counts;
}

/** Numbers the API listed in `invalid_number` (older records: no UUID and the error code 'invalid'). */
export function isRefused(destination: DestinationRecord): boolean {
  return destination.result === 'refused' || (!destination.uuid && destination.errorCode === 'invalid');
}

/** What is wrong with a batch, for the tree and its tooltips; undefined when nothing is. */
export function batchTrouble(batch: BatchRecord): { title: string; detail: string; severity: 'error' | 'info' } | undefined {
  const problem = batch.problem?.message ?? '';
  switch (batch.state) {
    case 'in-flight':
      return { severity: 'info', title: 'Being posted', detail: 'If no window is sending it any more (closed or reloaded mid-send), it is in doubt: Check Now reads the account.' };
    case 'in-doubt':
      return {
        severity: 'error',
        title: 'In doubt: may have been queued',
        detail: `${problem} Nothing of this batch is sent again until it is checked: Check Now reads the account's message list.${batch.reconcileError ? ` The last check failed: ${batch.reconcileError}` : ''}`.trim(),
      };
    case 'rejected':
      return {
        severity: 'error',
        title: `Rejected${batch.status ? ` (${batch.status})` : ''}`,
        detail: `${problem} Plivo queued nothing of this batch. Fix the cause, then Send the Rest.`.trim(),
      };
    case 'reconciled': {
      if (batch.problem?.kind === 'resent-by-choice') return { severity: 'info', title: 'Sent again by your choice (not checked)', detail: problem };
      const notSent = batch.destinations.filter((d) => d.result === 'not-sent').length;
      if (notSent === 0) return undefined;
      return { severity: 'info', title: `Checked: ${notSent} not queued`, detail: `The account's message list shows ${notSent} of this batch's destinations were not queued; Send the Rest sends only those.` };
    }
    case 'pending':
      return batch.attempts > 0 ? { severity: 'info', title: 'Not sent yet', detail: problem || 'Plivo answered 429 (too many requests), or the send stopped before it.' } : undefined;
    default:
      return undefined;
  }
}

/** "2 delivered · 1 failed · 3 invalid": only the non-zero parts, in STATE_ORDER. */
export function countsText(counts: SendCounts): string {
  const parts = STATE_ORDER.filter((state) => counts.byState[state] > 0).map((state) => `${counts.byState[state]} ${stateLabel(state)}`);
  const invalid = counts.apiInvalid + counts.skipped;
  if (invalid > 0) parts.push(`${invalid} invalid`);
  if (counts.failedBatches > 0) parts.push(counts.failedBatches === 1 ? 'request failed' : `${counts.failedBatches} requests failed`);
  return parts.length > 0 ? parts.join(' · ') : 'nothing sent';
}

/** States that went wrong, listed before the others where space is short (a sidebar's label). */
const TROUBLE_STATES: readonly DeliveryState[] = ['failed', 'undelivered', 'rejected'];

/** countsText with what went wrong first: "1 failed · 2 invalid · 12 delivered". */
export function headlineText(counts: SendCounts): string {
  const invalid = counts.apiInvalid + counts.skipped;
  const trouble = [
    ...TROUBLE_STATES.filter((state) => counts.byState[state] > 0).map((state) => `${counts.byState[state]} ${stateLabel(state)}`),
    counts.failedBatches > 0 ? (counts.failedBatches === 1 ? 'request failed' : `${counts.failedBatches} requests failed`) : '',
    invalid > 0 ? `${invalid} invalid` : '',
  ].filter(Boolean);
  const rest = STATE_ORDER.filter((state) => !TROUBLE_STATES.includes(state) && counts.byState[state] > 0).map((state) => `${counts.byState[state]} ${stateLabel(state)}`);
  const parts = [...trouble, ...rest];
  return parts.length > 0 ? parts.join(' · ') : 'nothing sent';
}

/** Sends that need a look: a destination failed, or something is in doubt or not sent yet. */
export function needsAttention(record: SendRecord): boolean {
  const counts = countSend(record);
  return counts.failedBatches > 0 || TROUBLE_STATES.some((state) => counts.byState[state] > 0) || record.batches.some((b) => b.state === 'pending' && b.attempts > 0);
}

/** How a state reads in the tree; 'unknown' means no status read yet. */
export function stateLabel(state: DeliveryState): string {
  return state === 'unknown' ? 'not checked' : state;
}

/** True when a status read may still change this destination: it has a UUID, the API knows it, and it is not final. */
export function mayChange(destination: DestinationRecord): boolean {
  if (!destination.uuid || destination.lookupStatus === 404) return false;
  return destination.state === 'queued' || destination.state === 'sent' || destination.state === 'unknown';
}

/** Every UUID of the send, in batch and destination order. */
export function allUuids(record: SendRecord): string[] {
  return record.batches.flatMap((batch) => batch.destinations.flatMap((d) => (d.uuid ? [d.uuid] : [])));
}

/** The first line of the text, shortened to `max` characters with an ellipsis. */
export function textSnippet(text: string, max = 40): string {
  const line = text.split(/\r?\n/, 1)[0].trim();
  const flat = line.length > 0 ? line : text.replace(/\s+/g, ' ').trim();
  if (flat.length === 0) return '(no text)';
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time: "14:05" for today, "2025-01-02 14:05" otherwise; the input as given when it is not a date. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const sameDay = date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  return sameDay ? time : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}
