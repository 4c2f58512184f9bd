import type { ComposerDraft, SendFailure } from '../protocol/composerProtocol';

/** Delivery states as the API reports them; 'unknown' until the first status refresh. */
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'rejected' | 'read' | 'unknown';

/** One destination of a batch: the number as sent and, once known, its UUID and delivery state. */
export interface DestinationRecord {
  /** E.164 with '+'. */
  number: string;
  uuid?: string;
  state: DeliveryState;
  errorCode?: string;
  updatedAt?: string;
  /** Parts billed (`units` of GET Message), once a status refresh has read it. */
  units?: number;
  /** Why the last status refresh could not read this message (404, network…); cleared by a good read. */
  lookupError?: string;
  /** HTTP status of that failed read, when there was one (404 means the API does not know the UUID). */
  lookupStatus?: number;
}

/** One POST of up to 1,000 destinations. */
export interface BatchRecord {
  index: number;
  /** HTTP status, when a response came back. */
  status?: number;
  apiId?: string;
  message?: string;
  elapsedMs?: number;
  destinations: DestinationRecord[];
  /** The API's `invalid_number` list, as it returned it. */
  invalidNumbers: string[];
  /** The raw response body, for "Copy Response JSON" (never contains credentials). */
  responseJson?: string;
  failure?: SendFailure;
}

/** One click of Send: its request (without credentials), batches and outcome. */
export interface SendRecord {
  id: string;
  /** ISO timestamp. */
  createdAt: string;
  profileId: string;
  profileName: string;
  isSandbox: boolean;
  /** The draft as it was sent, so the request can be reopened in the composer. */
  draft: ComposerDraft;
  /** Entries the preview found invalid; they were not sent. */
  skippedInvalid: string[];
  batches: BatchRecord[];
  /** Batches not sent because the user cancelled or an earlier batch failed. */
  unsentBatches: number;
}
