import * as vscode from 'vscode';
import { Views } from '../constants';
import { resolveConnection } from '../profiles/connection';
import type { ProfileStore } from '../profiles/profileStore';
import type { EmbeddedSandbox } from '../sandboxHost/embeddedSandbox';
import type { SendHistory } from '../sends/historyStore';
import { continueStoredSend } from '../sends/continueCommand';
import { findUnfinishedSend } from '../sends/unfinishedSend';
import { sendDraft, storedOutcome } from '../sends/sendService';
import type { ComposerDeps } from './composerDeps';
import { createComposerDevLoop } from './composerDevLoop';

/**
 * The composer's dependencies from the extension's real services: the profile store, the Local
 * sandbox, and the sends history the send service records into.
 */
export function createComposerDeps(profiles: ProfileStore, sandbox: EmbeddedSandbox, history: SendHistory, output: vscode.OutputChannel): ComposerDeps {
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
    continueSend: (sendId, mode, onBatchStart) => continueStoredSend({ profiles, sandbox, history }, sendId, mode, onBatchStart),
    showSends: () => vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`),
    devLoop: createComposerDevLoop({ profiles, sandbox }),
  };
}
