import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { EmbeddedSandbox } from '../sandboxHost/embeddedSandbox';
import { addProfile } from './addProfile';
import { editProfile, renameProfile } from './editProfile';
import { importFromEnvironment } from './importFromEnvironment';
import { ProfileStore } from './profileStore';
import { removeProfile } from './removeProfile';
import { createProfileStatusBar } from './statusBar';
import { switchProfile } from './switchProfile';
import { testConnection } from './testConnection';
import type { Profile } from './profile';

/** Registers the profile commands and the status bar item; returns the store other features use. */
export function registerProfiles(context: vscode.ExtensionContext, sandbox: EmbeddedSandbox): ProfileStore {
  const store = new ProfileStore(context.globalState, context.secrets);
  context.subscriptions.push(
    store,
    createProfileStatusBar(store),
    vscode.commands.registerCommand(Commands.addProfile, () => addProfile(store)),
    vscode.commands.registerCommand(Commands.editProfile, (profile?: Profile) => editProfile(store, profile)),
    vscode.commands.registerCommand(Commands.renameProfile, (profile?: Profile) => renameProfile(store, profile)),
    vscode.commands.registerCommand(Commands.removeProfile, (profile?: Profile) => removeProfile(store, profile)),
    vscode.commands.registerCommand(Commands.testConnection, (profile?: Profile) => testConnection(store, sandbox, profile)),
    vscode.commands.registerCommand(Commands.switchProfile, () => switchProfile(store)),
    vscode.commands.registerCommand(Commands.importEnvProfile, () => importFromEnvironment(store)),
  );
  return store;
}
