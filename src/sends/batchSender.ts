import { randomUUID } from 'node:crypto';
import type { PlivoClient } from '../core/client';
import { toBatches, toDstParam } from '../core/destinations/wireForm';
import type { MessageRequest } from '../core/request';
import type { ComposerDraft } from '../protocol/composerProtocol';
import { describeFailure } from './describeFailure';
import type { BatchRecord, DestinationRecord, SendRecord } from './sendRecord';

export interface BatchSendInput {
  draft: ComposerDraft;
  profile: { id: string; name: string; isSandbox: boolean };
  /** Unique valid E.164 numbers, in order: exactly what goes out. */
  numbers: string[];
  skippedInvalid: string[];
  batchSize?: number;
}

export interface BatchSendHooks {
  /** Called before each POST; returning true stops before that batch (cancellation between batches). */
  isCancelled(): boolean;
  onBatchStart?(index: number, total: number): void;
  /** Called after each batch with the record so far (persist it here). */
  onProgress?(record: SendRecord): void | Promise<void>;
}

/**
 * Sends ordered batches of at most 1,000, one POST each. A batch is never sent twice: a failure
 * stops the run (the rest are counted as unsent) because a failed POST may still have been queued.
 */
export async function sendBatches(client: PlivoClient, input: BatchSendInput, hooks: BatchSendHooks): Promise<SendRecord> {
  const batches = toBatches(input.numbers, input.batchSize);
  const record: SendRecord = {
    id: randomUUID(),
    createdAt: new Date().toISOString(),
    profileId: input.profile.id,
    profileName: input.profile.name,
    isSandbox: input.profile.isSandbox,
    draft: input.draft,
    skippedInvalid: input.skippedInvalid,
    batches: [],
    unsentBatches: batches.length,
  };
  for (const [index, numbers] of batches.entries()) {
    if (hooks.isCancelled()) break;
    hooks.onBatchStart?.(index, batches.length);
    const batch = await sendOne(client, input, index, numbers);
    record.batches.push(batch);
    record.unsentBatches -= 1;
    await hooks.onProgress?.(record);
    if (batch.failure) break;
  }
  return record;
}

async function sendOne(client: PlivoClient, input: BatchSendInput, index: number, numbers: string[]): Promise<BatchRecord> {
  const destinations: DestinationRecord[] = numbers.map((number) => ({ number, state: 'unknown' }));
  try {
    const response = await client.sendMessage(toMessageRequest(input.draft, numbers));
    const { body } = response;
    assignUuids(destinations, body.message_uuid, body.invalid_number ?? []);
    return {
      index,
      status: response.status,
      apiId: body.api_id,
      message: body.message,
      elapsedMs: response.elapsedMs,
      destinations,
      invalidNumbers: body.invalid_number ?? [],
      responseJson: JSON.stringify(body, null, 2),
    };
  } catch (error) {
    return { index, destinations, invalidNumbers: [], failure: describeFailure(error, input.profile.name) };
  }
}

/** The API request for one batch; empty optional fields are left out. */
export function toMessageRequest(draft: ComposerDraft, numbers: string[]): MessageRequest {
  const sender = draft.sender.value.trim();
  return {
    ...(draft.sender.kind === 'src' ? { src: sender } : { powerpack_uuid: sender }),
    dst: toDstParam(numbers),
    text: draft.text,
    type: draft.type,
    ...(draft.callbackUrl.trim() ? { url: draft.callbackUrl.trim(), method: draft.callbackMethod } : {}),
  };
}

/**
 * Plivo returns one UUID per accepted destination, in request order, and lists the refused ones
 * separately: pair the UUIDs with the numbers that were not refused.
 */
function assignUuids(destinations: DestinationRecord[], uuids: string[], invalid: string[]): void {
  const refused = new Set(invalid.map((entry) => entry.replace(/\D/g, '')));
  let next = 0;
  for (const destination of destinations) {
    if (refused.has(destination.number.replace(/\D/g, ''))) {
      destination.state = 'failed';
      destination.errorCode = 'invalid';
      continue;
    }
    const uuid = uuids[next++];
    if (uuid) {
      destination.uuid = uuid;
      destination.state = 'queued';
    }
  }
}
