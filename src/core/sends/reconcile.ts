// Resolving an in-doubt batch from the account: the message list, filtered to the batch's time
// window and sender, tells which destinations were queued (their UUIDs recovered) and which were
// not. Nothing is re-posted here; a failed reading leaves the batch in doubt with the facts.
import { isPlivoError } from '../client/errors';
import type { ListMessagesOptions, MessageList, MessageListFilters, PlivoResponse } from '../client/types';
import type { Clock } from '../pacing/clock';
import { RequestPacer } from '../pacing/requestPacer';
import type { JournalBatch, SendRequestTemplate } from './journal';

export interface ReconcileOptions {
  /** Plivo rate-limits list calls more tightly than sends: plan for about 20 a minute. */
  listRequestsPerMinute: number;
  /** Widens the window on both sides for clock differences between this machine and Plivo. */
  clockSkewMs: number;
  /** Pages read at most (20 messages each) before the window is called too busy to read. */
  maxPages: number;
  /** The longest a POST can still be processed after it was sent; reading sooner waits. */
  settleMs: number;
}

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = { listRequestsPerMinute: 20, clockSkewMs: 60_000, maxPages: 500, settleMs: 5_000 };

export interface ReconcileDeps {
  client: { listMessages(options: ListMessagesOptions): Promise<PlivoResponse<MessageList>> };
  clock: Clock;
  options: ReconcileOptions;
  /** UUIDs that belong to other batches or sends: a message already known is never claimed twice. */
  knownUuids: ReadonlySet<string>;
  signal?: AbortSignal;
  /** Told after each page: pages read so far and the messages of this batch found on it. */
  onPage?(page: number, matched: number): void;
  /** Waits before a list call may start (shared with other list calls of the account). */
  pacer?: RequestPacer;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the list filters' format. */
export function listFilterTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const digits = (number: string): string => number.replace(/\D/g, '');

/**
 * Reads the batch's window and pairs each undecided destination with a message to its number.
 * Resolves when the batch is `reconciled`; throws, leaving it in doubt, when the account could not
 * be read to the end.
 */
export async function reconcileBatch(batch: JournalBatch, request: SendRequestTemplate, deps: ReconcileDeps): Promise<{ recovered: number; notSent: number }> {
  const { clock, options } = deps;
  const startedAt = Date.parse(batch.startedAt ?? '');
  if (Number.isNaN(startedAt)) throw new Error(`Batch ${batch.index + 1} has no start time; it cannot be checked.`);
  // Only a POST that timed out or was cut off may still be being processed; the others were answered.
  const mayStillRun = batch.problem?.kind === 'timeout' || batch.problem?.kind === 'interrupted';
  const sinceStart = Date.now() - startedAt;
  if (mayStillRun && sinceStart < options.settleMs) await clock.sleep(options.settleMs - sinceStart, deps.signal);
  const filters: MessageListFilters = {
    message_direction: 'outbound',
    message_time__gte: listFilterTime(startedAt - options.clockSkewMs),
    // A fixed upper bound keeps the newest-first pages from shifting while they are read.
    message_time__lte: listFilterTime(Date.now() + options.clockSkewMs),
    ...(request.src ? { from_number: request.src.replace(/^\+/, '') } : {}),
    ...(request.powerpack_uuid ? { powerpack_id: request.powerpack_uuid } : {}),
  };
  const found = await readWindow(filters, deps, batch.unpairedUuids);
  const counts = { recovered: 0, notSent: 0 };
  for (const destination of batch.destinations) {
    if (destination.result === 'refused') continue;
    const uuid = claim(found, digits(destination.number));
    if (uuid) {
      destination.uuid = uuid;
      destination.result = 'accepted';
      destination.recovered = true;
      counts.recovered++;
    } else {
      delete destination.uuid;
      destination.result = 'not-sent';
      counts.notSent++;
    }
  }
  batch.state = 'reconciled';
  batch.reconciledAt = new Date().toISOString();
  delete batch.reconcileError;
  return counts;
}

/** Messages of the window by destination digits, the batch's own UUIDs (if known) first. */
type Found = Map<string, string[]>;

function claim(found: Found, to: string): string | undefined {
  return found.get(to)?.shift();
}

async function readWindow(filters: MessageListFilters, deps: ReconcileDeps, preferred: readonly string[] | undefined): Promise<Found> {
  const pacer = deps.pacer ?? new RequestPacer(deps.clock, deps.options.listRequestsPerMinute, 60_000);
  const own = preferred ? new Set(preferred) : undefined;
  const found: Found = new Map();
  for (let page = 0; ; page++) {
    if (page >= deps.options.maxPages) {
      throw new Error(`More than ${deps.options.maxPages * 20} messages were sent in this batch's time window; too many to tell which are this send's.`);
    }
    const list = await listPage(pacer, deps, { limit: 20, offset: page * 20, filters });
    let matched = 0;
    for (const message of list.objects) {
      if (!message.to_number || deps.knownUuids.has(message.message_uuid)) continue;
      // With the 202's UUIDs in hand only those are this batch's; without them any unknown message
      // to the number in the window is (the list has no text to compare).
      if (own && !own.has(message.message_uuid)) continue;
      push(found, digits(message.to_number), message.message_uuid);
      matched++;
    }
    deps.onPage?.(page + 1, matched);
    if (!list.meta.next || list.objects.length === 0) break;
  }
  return found;
}

function push(found: Found, to: string, uuid: string): void {
  const list = found.get(to);
  if (list) list.push(uuid);
  else found.set(to, [uuid]);
}

/** One page; a 429 waits for its Retry-After and reads the same page again. */
async function listPage(pacer: RequestPacer, deps: ReconcileDeps, options: ListMessagesOptions): Promise<MessageList> {
  for (let attempt = 0; ; attempt++) {
    await pacer.acquire(deps.signal);
    try {
      return (await deps.client.listMessages({ ...options, signal: deps.signal })).body;
    } catch (error) {
      if (isPlivoError(error) && error.kind === 'rate-limited' && attempt < 10) {
        pacer.pauseFor(error.retryAfterSeconds ?? Math.min(60, 2 ** attempt));
        continue;
      }
      throw error;
    }
  }
}
