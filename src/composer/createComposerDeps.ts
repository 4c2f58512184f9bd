import * as vscode from 'vscode';
import { Views } from '../constants';
import { resolveConnection } from '../profiles/connection';
import type { ProfileStore } from '../profiles/profileStore';
import type { EmbeddedSandbox } from '../sandboxHost/embeddedSandbox';
import type { SendHistory } from '../sends/historyStore';
import { continueSend, sendDraft } from '../sends/sendService';
import { confirmContinue } from './confirmSend';
import type { ComposerDeps } from './composerDeps';

/**
 * The composer's dependencies from the extension's real services: the profile store, the Local
 * sandbox, and the sends history the send service records into.
 */
export function createComposerDeps(profiles: ProfileStore, sandbox: EmbeddedSandbox, history: SendHistory): ComposerDeps {
  return {
    profiles,
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
    async continueSend(sendId, mode, onBatchStart) {
      const record = history.get(sendId);
      if (!record) throw new Error('That send is no longer in the history.');
      const profile = profiles.get(record.profileId);
      if (!profile) throw new Error(`The profile "${record.profileName}" this send used no longer exists; nothing was sent.`);
      if (mode === 'rest' && profile.kind !== 'sandbox' && !(await confirmContinue(record, profile.name))) return undefined;
      const connection = await resolveConnection(profile, profiles, sandbox);
      if (!connection) return undefined;
      const { outcome } = await continueSend(record, connection, history, mode === 'rest' ? 'send' : 'check', onBatchStart);
      return outcome;
    },
    showSends: () => vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`),
  };
}
