// A send as the extension keeps it: the core journal (batches and their states) plus what the
// editor shows — the profile, the draft, and each destination's delivery state.
import { createJournal, type JournalBatch, type JournalDestination, type SendJournal } from '../core/sends/journal';
import { requestFields } from '../composer/buildSendInput';
import type { ComposerDraft } from '../protocol/composerProtocol';

/** Delivery states as the API reports them; 'unknown' until the first status refresh. */
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'rejected' | 'read' | 'unknown';

/** One destination of a batch: the number as sent, its UUID and outcome once known, and its delivery state. */
export interface DestinationRecord extends JournalDestination {
  state: DeliveryState;
  errorCode?: string;
  updatedAt?: string;
  /** Parts billed (`units` of GET Message), once a status refresh has read it. */
  units?: number;
  /** USD per part and USD billed (`total_rate`, `total_amount` of GET Message), as the API gives them. */
  totalRate?: string;
  totalAmount?: string;
  /** Why the last status refresh could not read this message (404, network…); cleared by a good read. */
  lookupError?: string;
  /** HTTP status of that failed read, when there was one (404 means the API does not know the UUID). */
  lookupStatus?: number;
  /** A status read found this UUID belongs to another destination of the send; the pairing was corrected. */
  remapped?: true;
}

/** One POST of up to 1,000 destinations, with its state in the journal. */
export interface BatchRecord extends JournalBatch {
  destinations: DestinationRecord[];
}

/** One click of Send: its journal, the profile, the request as drafted, and what came back. */
export interface SendRecord extends SendJournal<BatchRecord> {
  profileId: string;
  profileName: string;
  isSandbox: boolean;
  /** The draft as it was sent, so the request can be reopened in the composer. */
  draft: ComposerDraft;
  /** The draft's destinations text was dropped to stay within the storage budget (the numbers are in the batches). */
  draftTrimmed?: true;
  /** Entries the preview found invalid; they were not sent. */
  skippedInvalid: string[];
}

/**
 * Gives destinations the engine added or decided their delivery state: accepted ones start as
 * queued, numbers Plivo refused are failed with the code 'invalid', the rest stay unknown.
 */
export function syncDeliveryStates(batch: BatchRecord): void {
  for (const destination of batch.destinations as Array<DestinationRecord | JournalDestination>) {
    const d = destination as DestinationRecord;
    if (d.result === 'refused') {
      d.state = 'failed';
      d.errorCode = 'invalid';
    } else if (d.result === 'accepted' && (d.state === undefined || d.state === 'unknown')) {
      d.state = 'queued';
    } else if (d.state === undefined || (d.result === 'not-sent' && !d.uuid)) {
      d.state = 'unknown';
    }
  }
}

/** A new send of `numbers` (unique, valid E.164), every batch pending: stored before anything is posted. */
export function newSendRecord(
  draft: ComposerDraft,
  profile: { id: string; name: string; isSandbox: boolean },
  numbers: readonly string[],
  skippedInvalid: string[],
): SendRecord {
  const journal = createJournal({ ...requestFields(draft), text: draft.text }, numbers);
  return {
    ...journal,
    batches: journal.batches.map((batch) => ({ ...batch, destinations: batch.destinations.map((d) => ({ ...d, state: 'unknown' as const })) })),
    profileId: profile.id,
    profileName: profile.name,
    isSandbox: profile.isSandbox,
    draft,
    skippedInvalid,
  };
}
