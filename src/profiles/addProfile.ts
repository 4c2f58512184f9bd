import * as vscode from 'vscode';
import { askAuthId, askAuthToken, askKind, askName, askRegion, askSender } from './profileInputs';
import type { ProfileStore } from './profileStore';

/** Bulk Messaging: Add Profile — asks step by step; Escape at any step adds nothing. */
export async function addProfile(store: ProfileStore): Promise<void> {
  store.checkWritable();
  const name = await askName();
  if (!name) return;
  const target = await askKind();
  if (!target) return;
  const authId = await askAuthId();
  if (!authId) return;
  const authToken = await askAuthToken();
  if (!authToken) return;
  const sender = await askSender();
  if (sender === null) return;
  const defaultRegion = await askRegion();
  if (defaultRegion === null) return;
  const profile = await store.add({ name, ...target, authId, sender, defaultRegion }, authToken);
  await store.setActive(profile.id);
  void vscode.window.showInformationMessage(`Profile "${profile.name}" added and active.`);
}
