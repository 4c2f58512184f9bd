import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Profile } from './profile';
import type { ProfileStore } from './profileStore';

type ProfileItem = vscode.QuickPickItem & { profile?: Profile; command?: string };

/**
 * Lets the user choose a profile; `editableOnly` hides the built-in Local sandbox. With `offerNew`
 * the list ends with "Add Profile…" and "Import from Environment…", which run those commands.
 */
export async function pickProfile(store: ProfileStore, title: string, editableOnly = false, offerNew = false): Promise<Profile | undefined> {
  const active = store.active();
  const profiles = store.list().filter((p) => !editableOnly || p.kind !== 'sandbox');
  if (profiles.length === 0 && !offerNew) {
    void vscode.window.showInformationMessage('No profiles to choose from. Add one with "Bulk Messaging: Add Profile".');
    return undefined;
  }
  const items: ProfileItem[] = profiles.map((profile) => ({
    label: profile.name,
    description: profile.kind === 'sandbox' ? 'built-in, no account needed' : profile.baseUrl,
    detail: profile.authId ? `Auth ID ${profile.authId}` : undefined,
    picked: profile.id === active.id,
    profile,
  }));
  if (offerNew) {
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(add) Add Profile…', description: 'a Plivo account or another endpoint', command: Commands.addProfile },
      { label: '$(terminal) Import from Environment…', description: 'PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN', command: Commands.importEnvProfile },
    );
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: `Active: ${active.name}` });
  if (picked?.command) {
    await vscode.commands.executeCommand(picked.command);
    return undefined;
  }
  return picked?.profile;
}
