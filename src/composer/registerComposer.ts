import * as vscode from 'vscode';
import { Commands } from '../constants';
import { ProfileStore } from '../profiles/profileStore';
import type { ComposerDeps } from './composerDeps';
import { ComposerController } from './composerController';
import { DraftStore } from './draftStore';
import { readNewMessageArgs } from './newMessageArgs';

/** Registers `Bulk Messaging: New Message`, which opens (or reveals) the one composer panel. */
export function registerComposer(context: vscode.ExtensionContext, deps: ComposerDeps = unwiredDeps(context)): void {
  const controller = new ComposerController(deps, new DraftStore(context.globalState));
  context.subscriptions.push(
    controller,
    // Optional argument: a draft (Reopen in Composer) or { destinations, intent? } (see newMessageArgs).
    vscode.commands.registerCommand(Commands.newMessage, (arg?: unknown) => {
      controller.open(context.extensionUri, readNewMessageArgs(arg));
    }),
  );
}

// Until extension.ts passes the real send service, sending reports that it is not wired yet.
function unwiredDeps(context: vscode.ExtensionContext): ComposerDeps {
  const profiles = new ProfileStore(context.globalState, context.secrets);
  context.subscriptions.push(profiles);
  return {
    profiles,
    send: async () => ({
      sendId: '',
      batches: [],
      unsentBatches: 0,
      failure: { title: 'Sending is not available', detail: 'This build has no send service wired in.', nextStep: 'Nothing was posted. Update the extension.' },
    }),
  };
}
