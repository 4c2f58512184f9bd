import * as vscode from 'vscode';
import { pickProfile } from './pickProfile';
import type { Profile } from './profile';
import type { ProfileStore } from './profileStore';

/** Bulk Messaging: Remove Profile — after a modal confirmation; its secret is deleted too. */
export async function removeProfile(store: ProfileStore, profile?: Profile): Promise<void> {
  store.checkWritable();
  profile ??= await pickProfile(store, 'Remove which profile?', true);
  if (!profile) return;
  const answer = await vscode.window.showWarningMessage(
    `Remove profile "${profile.name}"?`,
    { modal: true, detail: 'Its auth token is deleted from SecretStorage. Past sends stay in the history.' },
    'Remove',
  );
  if (answer !== 'Remove') return;
  await store.remove(profile.id);
}
