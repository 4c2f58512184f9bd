import * as vscode from 'vscode';
import type { Profile } from './profile';
import type { ProfileStore } from './profileStore';

/** Lets the user choose a profile; `editableOnly` hides the built-in Local sandbox. */
export async function pickProfile(store: ProfileStore, title: string, editableOnly = false): Promise<Profile | undefined> {
  const active = store.active();
  const profiles = store.list().filter((p) => !editableOnly || p.kind !== 'sandbox');
  if (profiles.length === 0) {
    void vscode.window.showInformationMessage('No profiles to choose from. Add one with "Bulk Messaging: Add Profile".');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    profiles.map((profile) => ({
      label: profile.name,
      description: profile.kind === 'sandbox' ? 'built-in, no account needed' : profile.baseUrl,
      detail: profile.authId ? `Auth ID ${profile.authId}` : undefined,
      picked: profile.id === active.id,
      profile,
    })),
    { title, placeHolder: `Active: ${active.name}` },
  );
  return picked?.profile;
}
