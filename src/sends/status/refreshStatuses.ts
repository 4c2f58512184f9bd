// Reads the status of many messages, one GET each, paced for the API's rate limit. Pure of
// `vscode`: the caller passes the lookup, the pacer and a callback for each result.
import type { LookupOutcome, MessageLookup } from './messageLookup';
import type { RequestPacer } from '../../core/pacing/requestPacer';

export interface RefreshOptions {
  pacer: RequestPacer;
  /** Requests in flight at once (default 4; Plivo allows about 100 concurrent). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Wait used after a 429 without a usable Retry-After (default 5 s, one rate-limit window). */
  defaultRetryAfterSeconds?: number;
  /** 429s tolerated in one run before it stops (default 20). */
  maxRateLimitWaits?: number;
  /** Failed reads in a row (network down, server broken) before the run stops (default 20). */
  maxConsecutiveFailures?: number;
  /** Called once per UUID that got a final outcome (not for rate-limit waits or cancellation). */
  onResult?: (uuid: string, outcome: LookupOutcome) => void;
  onProgress?: (done: number, total: number) => void;
}

export type StopReason = 'cancelled' | 'unauthorized' | 'too-many-failures' | 'rate-limited';

/** What a run did. `done` counts UUIDs with a final outcome. */
export interface RefreshSummary {
  total: number;
  done: number;
  found: number;
  notFound: number;
  failed: number;
  rateLimitWaits: number;
  stopped?: StopReason;
  /** Why it stopped, in words a user can act on. */
  stopDetail?: string;
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/** Reads every UUID once (retrying only after 429s); never throws, reports where it stopped. */
export async function refreshStatuses(uuids: readonly string[], lookup: MessageLookup, options: RefreshOptions): Promise<RefreshSummary> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const defaultWait = options.defaultRetryAfterSeconds ?? 5;
  const maxWaits = options.maxRateLimitWaits ?? 20;
  const maxFailures = options.maxConsecutiveFailures ?? 20;
  const summary: RefreshSummary = { total: uuids.length, done: 0, found: 0, notFound: 0, failed: 0, rateLimitWaits: 0 };
  let next = 0;
  let failuresInARow = 0;

  const stop = (reason: StopReason, detail: string) => {
    if (summary.stopped) return;
    summary.stopped = reason;
    summary.stopDetail = detail;
  };

  const record = (uuid: string, outcome: LookupOutcome) => {
    summary.done += 1;
    if (outcome.kind === 'found') summary.found += 1;
    else if (outcome.kind === 'notFound') summary.notFound += 1;
    else summary.failed += 1;
    // A 404 is an answer from a working API, so only other failures count towards "broken".
    failuresInARow = outcome.kind === 'failed' ? failuresInARow + 1 : 0;
    options.onResult?.(uuid, outcome);
    options.onProgress?.(summary.done, summary.total);
    if (failuresInARow >= maxFailures) stop('too-many-failures', `${failuresInARow} status reads in a row failed (last: ${outcome.kind === 'failed' ? outcome.detail : ''}).`);
  };

  /** One UUID, retried after each 429 until it gets an answer or the run stops. */
  const readOne = async (uuid: string): Promise<void> => {
    while (!summary.stopped) {
      await options.pacer.acquire(options.signal);
      const outcome = await lookup(uuid, options.signal);
      switch (outcome.kind) {
        case 'aborted':
          stop('cancelled', 'Cancelled.');
          return;
        case 'unauthorized':
          stop('unauthorized', `The API refused the credentials (${outcome.detail}). Check the profile's auth ID and token.`);
          return;
        case 'rateLimited': {
          summary.rateLimitWaits += 1;
          if (summary.rateLimitWaits > maxWaits) {
            stop('rate-limited', `The API kept answering 429 (too many requests) after ${maxWaits} waits. Try again in a minute.`);
            return;
          }
          const seconds = outcome.retryAfterSeconds !== undefined && outcome.retryAfterSeconds >= 0 ? outcome.retryAfterSeconds : defaultWait;
          options.pacer.pauseFor(seconds);
          continue;
        }
        default:
          record(uuid, outcome);
          return;
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (!summary.stopped && next < uuids.length) {
      if (options.signal?.aborted) {
        stop('cancelled', 'Cancelled.');
        return;
      }
      await readOne(uuids[next++]);
    }
  };

  // The pacer rejects with an AbortError on cancel; a lookup never throws by contract, but guard anyway.
  const guarded = () =>
    worker().catch((error: unknown) => {
      if (isAbort(error)) stop('cancelled', 'Cancelled.');
      else stop('too-many-failures', error instanceof Error ? error.message : String(error));
    });
  await Promise.all(Array.from({ length: Math.min(concurrency, uuids.length) }, guarded));
  return summary;
}
