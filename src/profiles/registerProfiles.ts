import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { LocalSandbox } from '../sandboxHost/localSandbox';
import { addProfile } from './addProfile';
import { editProfile, renameProfile } from './editProfile';
import { importFromEnvironment } from './importFromEnvironment';
import { ProfileStore } from './profileStore';
import { removeProfile } from './removeProfile';
import { createProfileStatusBar } from './statusBar';
import { switchProfile } from './switchProfile';
import { testConnection } from './testConnection';
import type { Profile } from './profile';

/** Runs a command; an error (e.g. profiles saved by a newer version) is shown, as the composer shows its own. */
const reportingErrors =
  <A extends unknown[], R>(command: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R | undefined> => {
    try {
      return await command(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(`Bulk Messaging: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

/** Registers the profile commands and the status bar item; returns the store other features use. */
export function registerProfiles(context: vscode.ExtensionContext, sandbox: LocalSandbox): ProfileStore {
  const store = new ProfileStore(context.globalState, context.secrets, {
    warn: (message) => void vscode.window.showWarningMessage(message),
    // VS Code has no event for globalState changes from other windows; besides polling, look on focus.
    onDidFocus: (listener) => vscode.window.onDidChangeWindowState((state) => state.focused && listener()),
  });
  const register = <A extends unknown[], R>(id: string, command: (...args: A) => Promise<R>) =>
    vscode.commands.registerCommand(id, reportingErrors(command));
  context.subscriptions.push(
    store,
    createProfileStatusBar(store),
    register(Commands.addProfile, () => addProfile(store)),
    register(Commands.editProfile, (profile?: Profile) => editProfile(store, profile)),
    register(Commands.renameProfile, (profile?: Profile) => renameProfile(store, profile)),
    register(Commands.removeProfile, (profile?: Profile) => removeProfile(store, profile)),
    register(Commands.testConnection, (profile?: Profile) => testConnection(store, sandbox, profile)),
    register(Commands.switchProfile, () => switchProfile(store)),
    register(Commands.importEnvProfile, () => importFromEnvironment(store)),
  );
  return store;
}
