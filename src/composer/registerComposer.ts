import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { WebviewToHost } from '../protocol/composerProtocol';
import { ComposerPanel, type ComposerMessageHandler } from './composerPanel';
import { DraftStore } from './draftStore';

/** Registers the composer's commands. */
export function registerComposer(context: vscode.ExtensionContext): void {
  const drafts = new DraftStore(context.globalState);
  const handler: ComposerMessageHandler = {
    async handle(message: WebviewToHost, panel: ComposerPanel) {
      switch (message.type) {
        case 'ready':
          await panel.post({ type: 'init', draft: drafts.load(), profiles: [] });
          break;
        case 'draftChanged':
          await drafts.save(message.draft);
          break;
        default:
          break;
      }
    },
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newMessage, () => {
      ComposerPanel.createOrShow(context.extensionUri, handler);
    }),
  );
}
