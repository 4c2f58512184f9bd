import * as vscode from 'vscode';
import { PlivoClient } from '../core/client';
import { Settings } from '../constants';
import type { Connection } from '../profiles/connection';
import type { ComposerDraft, SendOutcome } from '../protocol/composerProtocol';
import { sendBatches } from './batchSender';
import type { SendRecord } from './sendRecord';

/** Where finished and in-progress sends are recorded (the history behind the Sends view). */
export interface SendRecorder {
  add(record: SendRecord): void | Thenable<void>;
  update(record: SendRecord): void | Thenable<void>;
}

export interface SendInput {
  draft: ComposerDraft;
  connection: Connection;
  numbers: string[];
  skippedInvalid: string[];
  /** Told before each batch, e.g. to show progress in the composer. */
  onBatchStart?(index: number, total: number): void;
}

/**
 * Sends a draft in batches under a progress notification that can be cancelled between batches,
 * and records the send in the history after every batch so nothing is lost if the window closes.
 */
export async function sendDraft(input: SendInput, recorder: SendRecorder): Promise<{ record: SendRecord; outcome: SendOutcome }> {
  const { connection } = input;
  const client = new PlivoClient({
    authId: connection.authId,
    authToken: connection.authToken,
    baseUrl: connection.baseUrl,
    timeouts: requestTimeouts(),
  });
  let added = false;
  try {
    const record = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sending to ${input.numbers.length} destination${input.numbers.length === 1 ? '' : 's'}`, cancellable: true },
      (progress, token) =>
        sendBatches(
          client,
          {
            draft: input.draft,
            profile: { id: connection.profile.id, name: connection.profile.name, isSandbox: connection.isSandbox },
            numbers: input.numbers,
            skippedInvalid: input.skippedInvalid,
          },
          {
            isCancelled: () => token.isCancellationRequested,
            onBatchStart: (index, total) => {
              progress.report({ message: `batch ${index + 1} of ${total}`, increment: index === 0 ? 0 : 100 / total });
              input.onBatchStart?.(index, total);
            },
            onProgress: async (partial) => {
              await (added ? recorder.update(partial) : recorder.add(partial));
              added = true;
            },
          },
        ),
    );
    if (!added) await recorder.add(record);
    return { record, outcome: toOutcome(record) };
  } finally {
    await client.close();
  }
}

/** How long a send waits for an answer before it reports a timeout (the POST is never repeated). */
function requestTimeouts(): { headersMs: number; bodyMs: number } {
  const seconds = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.requestTimeoutSeconds, 30);
  const ms = Math.max(1, Math.min(600, seconds)) * 1000;
  return { headersMs: ms, bodyMs: ms };
}

/** The composer's view of a send record. */
export function toOutcome(record: SendRecord): SendOutcome {
  const failed = record.batches.find((batch) => batch.failure);
  return {
    sendId: record.id,
    unsentBatches: record.unsentBatches,
    failure: failed?.failure,
    batches: record.batches
      .filter((batch) => !batch.failure)
      .map((batch) => ({
        index: batch.index,
        status: batch.status ?? 0,
        apiId: batch.apiId ?? '',
        message: batch.message ?? '',
        messageUuids: batch.destinations.flatMap((d) => (d.uuid ? [d.uuid] : [])),
        invalidNumbers: batch.invalidNumbers,
        elapsedMs: batch.elapsedMs ?? 0,
      })),
  };
}
