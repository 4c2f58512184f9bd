import * as vscode from 'vscode';
import { Views } from '../constants';
import { resolveConnection } from '../profiles/connection';
import type { Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import type { ComposerDraft, SendOutcome } from '../protocol/composerProtocol';
import { createComposerDevLoop, type ComposerDevLoop } from './composerDevLoop';
import type { LocalSandbox } from '../sandboxHost/localSandbox';
import { continueStoredSend } from '../sends/continueCommand';
import type { SendHistory } from '../sends/historyStore';
import { sendDraft, storedOutcome } from '../sends/sendService';
import { findUnfinishedSend } from '../sends/unfinishedSend';
import { findEarlierSend, type EarlierSend } from './repeatSend';

/** What the composer hands to the send service once the draft is valid and the user has confirmed. */
export interface ComposerSendInput {
  profile: Profile;
  /** The draft as it was when Send was clicked; the request is built from it (see `requestFields`). */
  draft: ComposerDraft;
  /** Unique valid destinations in E.164 (with '+'), in input order: exactly what goes out, in batches of ≤ 1,000. */
  numbers: string[];
  /** Entries the preview found invalid, as typed; they are not sent. */
  skippedInvalid: string[];
}

/** What the composer needs from the rest of the extension (tests give their own). */
export interface ComposerDeps {
  profiles: ProfileStore;
  /**
   * Resolves the profile's connection, posts the batches in order (never retrying a POST) under a
   * cancellable progress notification, and records the send. `onBatchStart` gets a 0-based index.
   * Resolves undefined when the user cancelled before anything was sent (e.g. the token prompt).
   */
  send(input: ComposerSendInput, onBatchStart: (index: number, total: number) => void): Promise<SendOutcome | undefined>;
  /** Goes on with a stored send (see `continueSend`); undefined when it is gone or the user cancelled. */
  continueSend(sendId: string, mode: 'check' | 'rest', onBatchStart: (index: number, total: number) => void): Promise<SendOutcome | undefined>;
  /**
   * The stored send of exactly this request (same sender, text, callback and unique destinations)
   * that is not finished, as an outcome with Check Now / Send the Rest; undefined when there is none.
   */
  unfinishedSend?(draft: ComposerDraft, numbers?: readonly string[]): SendOutcome | undefined;
  /** The newest earlier send of this message to all or most of `numbers` (see repeatSend.ts). */
  earlierSend?(draft: ComposerDraft, numbers: readonly string[]): EarlierSend | undefined;
  /** The Output channel, for what the user may want to look into (a webview message that was dropped). */
  log?(line: string): void;
  /** Reveals the Sends view (defaults to opening the Bulk Messaging view container). */
  showSends?(): void | Thenable<unknown>;
  /** Copy as… and the estimate (cost, time, warnings) shown before a send. */
  devLoop?: ComposerDevLoop;
}

/** The extension's services the composer is built from. */
export interface ComposerServices {
  profiles: ProfileStore;
  sandbox: LocalSandbox;
  history: SendHistory;
  output: vscode.OutputChannel;
}

/** The composer's dependencies from the real services: the send service records into the history. */
export function composerDeps({ profiles, sandbox, history, output }: ComposerServices): ComposerDeps {
  return {
    profiles,
    log: (line) => output.appendLine(line),
    async send(input, onBatchStart) {
      // Undefined when the user dismissed the prompt for a token that is no longer stored.
      const connection = await resolveConnection(input.profile, profiles, sandbox);
      if (!connection) return undefined;
      const { outcome } = await sendDraft(
        { draft: input.draft, connection, numbers: input.numbers, skippedInvalid: input.skippedInvalid, onBatchStart },
        history,
      );
      return outcome;
    },
    unfinishedSend: (draft, numbers) => {
      const record = findUnfinishedSend(history.list(), draft, numbers);
      return record ? storedOutcome(record) : undefined;
    },
    earlierSend: (draft, numbers) => findEarlierSend(history.list(), draft, numbers),
    continueSend: (sendId, mode, onBatchStart) => continueStoredSend({ profiles, sandbox, history }, sendId, mode, onBatchStart),
    showSends: () => vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`),
    devLoop: createComposerDevLoop({ profiles, sandbox }),
  };
}
