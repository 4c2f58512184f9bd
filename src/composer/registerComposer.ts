import * as vscode from 'vscode';
import { Commands } from '../constants';
import { composerDeps, type ComposerServices } from './composerDeps';
import { ComposerController } from './composerController';
import { DraftStore } from './draftStore';
import { readNewMessageArgs } from './newMessageArgs';

/** Registers `Bulk Messaging: New Message`, which opens (or reveals) the one composer panel. */
export function registerComposer(context: vscode.ExtensionContext, services: ComposerServices): void {
  const controller = new ComposerController(composerDeps(services), new DraftStore(context.globalState));
  context.subscriptions.push(
    controller,
    // Optional argument: a draft (Reopen in Composer) or { destinations, intent? } (see newMessageArgs).
    vscode.commands.registerCommand(Commands.newMessage, (arg?: unknown) => {
      controller.open(context.extensionUri, readNewMessageArgs(arg));
    }),
  );
}
