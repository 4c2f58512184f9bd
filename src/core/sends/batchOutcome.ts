// What one POST's answer means for its batch. The rule of the whole engine lives here: only a
// 429 is posted again by itself; anything that may have queued messages makes the batch in doubt.
import { isPlivoError } from '../client/errors';
import type { PlivoResponse, SendMessageBody } from '../client/types';
import type { JournalBatch } from './journal';

export type PostVerdict =
  /** Plivo did not process it: post the same batch again after `waitSeconds` (undefined: back off). */
  | { kind: 'retry-later'; waitSeconds?: number }
  /** It certainly never reached the server (refused connection, connect timeout): still pending. */
  | { kind: 'not-reached'; message: string }
  /** A 4xx other than 429: nothing was queued. `auth` for a 401/403: no other batch can succeed. */
  | { kind: 'rejected'; status: number; message: string; auth: boolean }
  /** It may have been queued: never posted again without reading the account first. */
  | { kind: 'in-doubt'; problemKind: string; status?: number; message: string };

/** Classifies a thrown client error. Unknown errors are in doubt: we cannot prove nothing was queued. */
export function verdictForError(error: unknown): PostVerdict {
  if (!isPlivoError(error)) return { kind: 'in-doubt', problemKind: 'error', message: error instanceof Error ? error.message : String(error) };
  if (error.kind === 'rate-limited') return { kind: 'retry-later', waitSeconds: error.retryAfterSeconds };
  if (!error.mayHaveReachedServer) return { kind: 'not-reached', message: error.message };
  if (error.kind === 'api' && error.status >= 400 && error.status < 500) {
    return { kind: 'rejected', status: error.status, message: error.serverMessage || error.message, auth: error.status === 401 || error.status === 403 };
  }
  const status = 'status' in error ? (error as { status?: number }).status : undefined;
  return { kind: 'in-doubt', problemKind: error.kind, status, message: error.message };
}

const digits = (number: string): string => number.replace(/\D/g, '');

/**
 * Records a 202 on the batch: refused numbers from `invalid_number`, then one UUID per remaining
 * destination. Plivo does not promise the UUIDs' order, and a count that does not match means the
 * pairing cannot be trusted at all: then the batch is in doubt with its UUIDs kept for
 * reconciliation, which pairs them by `to_number` from the account.
 */
export function recordAccepted(batch: JournalBatch, response: PlivoResponse<SendMessageBody>, finishedAt: string): void {
  const { body } = response;
  const invalid = body.invalid_number ?? [];
  const refused = new Set(invalid.map(digits));
  Object.assign(batch, {
    status: response.status,
    apiId: body.api_id,
    message: body.message,
    elapsedMs: Math.round(response.elapsedMs),
    invalidNumbers: invalid,
    responseJson: JSON.stringify(body, null, 2),
    finishedAt,
  });
  const expecting = batch.destinations.filter((d) => !refused.has(digits(d.number)));
  for (const destination of batch.destinations) if (refused.has(digits(destination.number))) destination.result = 'refused';
  if (body.message_uuid.length !== expecting.length) {
    batch.state = 'in-doubt';
    batch.unpairedUuids = [...body.message_uuid];
    batch.problem = {
      kind: 'uuid-count',
      status: response.status,
      message: `Plivo returned ${body.message_uuid.length} UUIDs for ${expecting.length} destinations, so they cannot be paired by position.`,
    };
    return;
  }
  expecting.forEach((destination, i) => {
    destination.uuid = body.message_uuid[i];
    destination.result = 'accepted';
  });
  batch.state = 'accepted';
}
