// One status read (GET Message) as an outcome the refresher can act on, never a throw.
import { isPlivoError, type MessageRecord, type PlivoClient } from '../../core/client';
import type { DestinationUpdate } from '../historySchema';
import type { DeliveryState } from '../sendRecord';

/** What one GET Message came to. */
export type LookupOutcome =
  | { kind: 'found'; message: MessageRecord }
  | { kind: 'notFound'; detail: string }
  | { kind: 'rateLimited'; retryAfterSeconds?: number }
  /** 401/403: every further read of this account would fail the same way. */
  | { kind: 'unauthorized'; detail: string }
  | { kind: 'failed'; detail: string; status?: number }
  | { kind: 'aborted' };

/** Reads one message's status. Must not throw. */
export type MessageLookup = (uuid: string, signal?: AbortSignal) => Promise<LookupOutcome>;

/** A lookup over the Plivo client; its error messages never contain the auth token. */
export function clientLookup(client: Pick<PlivoClient, 'getMessage'>): MessageLookup {
  return async (uuid, signal) => {
    try {
      const response = await client.getMessage(uuid, { signal });
      return { kind: 'found', message: response.body };
    } catch (error) {
      if (!isPlivoError(error)) return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
      switch (error.kind) {
        case 'rate-limited':
          return { kind: 'rateLimited', retryAfterSeconds: error.retryAfterSeconds };
        case 'aborted':
          return { kind: 'aborted' };
        case 'api':
          if (error.status === 404) return { kind: 'notFound', detail: 'not found (404)' };
          if (error.status === 401 || error.status === 403) return { kind: 'unauthorized', detail: error.message };
          return { kind: 'failed', detail: `HTTP ${error.status}: ${error.serverMessage || error.message}`, status: error.status };
        case 'malformed-response':
          return { kind: 'failed', detail: `unreadable response (HTTP ${error.status})`, status: error.status };
        default:
          return { kind: 'failed', detail: error.message };
      }
    }
  };
}

const KNOWN_STATES: readonly DeliveryState[] = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'rejected', 'read'];

/** The API's `message_state` as a DeliveryState; anything undocumented reads as 'unknown'. */
export function toDeliveryState(state: string): DeliveryState {
  const lower = state.toLowerCase();
  return (KNOWN_STATES as readonly string[]).includes(lower) ? (lower as DeliveryState) : 'unknown';
}

/** How an outcome changes the stored destination; undefined when it changes nothing. */
export function updateFromLookup(outcome: LookupOutcome, readAt: Date): DestinationUpdate | undefined {
  switch (outcome.kind) {
    case 'found': {
      const { message } = outcome;
      const code = message.error_code;
      return {
        state: toDeliveryState(message.message_state),
        errorCode: code === null || code === undefined || code === '' ? undefined : String(code),
        units: typeof message.units === 'number' ? message.units : undefined,
        totalRate: typeof message.total_rate === 'string' ? message.total_rate : undefined,
        totalAmount: typeof message.total_amount === 'string' ? message.total_amount : undefined,
        updatedAt: readAt.toISOString(),
        lookupError: undefined,
        lookupStatus: undefined,
      };
    }
    case 'notFound':
      return { lookupError: outcome.detail, lookupStatus: 404 };
    case 'failed':
      return { lookupError: outcome.detail, lookupStatus: outcome.status };
    default:
      return undefined;
  }
}
