import * as vscode from 'vscode';
import { PlivoClient } from '../core/client';
import { acquireLock } from '../core/sends/journalLock';
import { runSend, type RunResult, type SendEvent } from '../core/sends/sendEngine';
import { stopHeading } from '../core/sends/stopHeading';
import { nextStep, progressLine, sendProgress } from '../core/sends/sendProgress';
import { Settings } from '../constants';
import type { Connection } from '../profiles/connection';
import type { ComposerDraft, SendOutcome } from '../protocol/composerProtocol';
import { type BatchRecord, newSendRecord, type SendRecord, syncDeliveryStates } from './sendRecord';

/** Where sends are kept (the history behind the Sends view); every call is durable when it resolves. */
export interface SendRecorder {
  /** Stores a new send before anything of it is posted. */
  add(record: SendRecord): void | Thenable<void>;
  /** Stores the batches the engine changed, before its next network step. */
  saveBatches(record: SendRecord, changed: readonly BatchRecord[]): void | Thenable<void>;
  /** Every UUID of the other sends: reconciliation never claims one of them for this send. */
  knownUuids(exceptSendId: string): Set<string>;
  /** Where the lock of a running send lives, so no two windows run one send. */
  lockPath(sendId: string): string;
}

export interface SendInput {
  draft: ComposerDraft;
  connection: Connection;
  numbers: string[];
  skippedInvalid: string[];
  /** Told before each batch, e.g. to show progress in the composer. */
  onBatchStart?(index: number, total: number): void;
}

/** How a stored send goes on (see continueSend). */
export type RunMode = 'send' | 'check' | 'resend-uncheckable';
type BatchStartHook = (index: number, total: number) => void;
type SendRun = { record: SendRecord; outcome: SendOutcome };

/** The words the editor uses for the two ways on, in advice text. */
const EDITOR_ACTIONS = { check: 'Use Check Now', rest: 'use Send the Rest' } as const;

/** A new send: its journal stored first, then run under a progress notification that can be cancelled between batches. */
export async function sendDraft(input: SendInput, recorder: SendRecorder): Promise<SendRun> {
  const { connection } = input;
  const profile = { id: connection.profile.id, name: connection.profile.name, isSandbox: connection.isSandbox };
  const record = newSendRecord(input.draft, profile, input.numbers, input.skippedInvalid);
  // Locked before it is stored, so the Sends view knows from its first line that it is being posted.
  return withSendLock(record, recorder, async () => {
    await recorder.add(record);
    return runRecord(record, connection, recorder, 'send', input.onBatchStart);
  });
}

/** Runs `work` holding the send's lock: two runs of one send (two clicks, two windows) would post its pending batch twice. */
async function withSendLock<T>(record: SendRecord, recorder: SendRecorder, work: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(recorder.lockPath(record.id), () => 'This send is already running (in this or another window); wait for it to finish.');
  if (typeof lock === 'string') throw new Error(lock);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/**
 * Runs a stored send on: `check` reads the account for its batches in doubt; `send` does that, then
 * sends only the destinations not sent ("Send the Rest"); `resend-uncheckable` is the user's
 * confirmed choice to send again the in-doubt batches whose check fails.
 */
export function continueSend(record: SendRecord, connection: Connection, recorder: SendRecorder, mode: RunMode, onBatchStart?: BatchStartHook): Promise<SendRun> {
  return withSendLock(record, recorder, () => runRecord(record, connection, recorder, mode, onBatchStart));
}

async function runRecord(record: SendRecord, connection: Connection, recorder: SendRecorder, mode: RunMode, onBatchStart?: BatchStartHook): Promise<SendRun> {
  const client = new PlivoClient({ authId: connection.authId, authToken: connection.authToken, baseUrl: connection.baseUrl, timeouts: requestTimeouts() });
  const config = vscode.workspace.getConfiguration(Settings.section);
  const title = mode === 'check' ? 'Checking the account for batches in doubt' : `Sending to ${record.batches.reduce((n, b) => n + (b.state === 'pending' ? b.destinations.length : 0), 0) || 'the rest of the'} destinations`;
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return runSend(
        record,
        {
          client,
          save: async (journal, changed) => {
            for (const batch of changed as BatchRecord[]) syncDeliveryStates(batch);
            await recorder.saveBatches(journal, changed as BatchRecord[]);
          },
          batchesPerSecond: config.get<number>(Settings.batchesPerSecond, 1),
          reconcile: { listRequestsPerMinute: config.get<number>(Settings.listRequestsPerMinute, 20), settleMs: (requestTimeouts().headersMs + 2000) },
          knownUuids: () => recorder.knownUuids(record.id),
          resendUncheckable: mode === 'resend-uncheckable',
          signal: controller.signal,
          onEvent: (event) => {
            const message = progressMessage(event);
            if (message) progress.report({ message });
            if (event.type === 'batch-start') onBatchStart?.(event.index, event.total);
          },
        },
        mode === 'check' ? 'check' : 'send',
      );
    });
    return { record, outcome: toOutcome(record, result) };
  } finally {
    await client.close();
  }
}

function progressMessage(event: SendEvent): string | undefined {
  switch (event.type) {
    case 'batch-start':
      return `batch ${event.index + 1} of ${event.total}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'rate-limited':
      return `batch ${event.index + 1}: Plivo said too many requests (429); posting it again in ${Math.ceil(event.waitMs / 1000)} s. Cancel stops here; nothing is lost.`;
    case 'checking':
      return `checking batch ${event.index + 1} in the account's message list (page ${event.page})`;
    default:
      return undefined;
  }
}

/** How long a send waits for an answer before it reports a timeout (the POST is never repeated). */
function requestTimeouts(): { headersMs: number; bodyMs: number } {
  const seconds = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.requestTimeoutSeconds, 30);
  const ms = Math.max(1, Math.min(600, seconds)) * 1000;
  return { headersMs: ms, bodyMs: ms };
}

/** A stored, unfinished send as the composer shows it: where it stands and how to go on. */
export function storedOutcome(record: SendRecord): SendOutcome {
  const progress = sendProgress(record);
  const outcome = toOutcome(record, { stop: progress.inDoubt > 0 ? 'in-doubt' : 'cancelled', progress });
  return { ...outcome, title: 'This request was already partly sent' };
}

/** The composer's view of a send: the whole send's standing and one piece of advice. */
export function toOutcome(record: SendRecord, result: RunResult): SendOutcome {
  const { progress } = result;
  const troubled = record.batches.find((b) => b.state === 'in-doubt' || b.state === 'rejected');
  const advice = nextStep(progress, EDITOR_ACTIONS);
  return {
    sendId: record.id,
    stop: result.stop,
    title: stopHeading(result.stop, troubled),
    progress,
    summary: progressLine(progress),
    nextStep: result.stop === 'in-doubt' ? `The request may have reached the server, so nothing of it is sent again until it is checked. ${advice}` : advice,
    ...(result.detail || troubled?.problem ? { detail: result.detail ?? troubled?.problem?.message } : {}),
    batches: record.batches
      .filter((batch) => batch.state === 'accepted' || batch.state === 'reconciled')
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
