import * as vscode from 'vscode';
import { PLIVO_BASE_URL } from './profile';
import { askName } from './profileInputs';
import type { ProfileStore } from './profileStore';

/** Bulk Messaging: Import Profile from PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN — how Plivo's SDKs read them. */
export async function importFromEnvironment(store: ProfileStore, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const authId = env.PLIVO_AUTH_ID?.trim();
  const authToken = env.PLIVO_AUTH_TOKEN?.trim();
  if (!authId || !authToken) {
    void vscode.window.showWarningMessage(
      'PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN are not both set in the environment VS Code was started from.',
    );
    return;
  }
  store.checkWritable();
  const name = await askName(`Plivo (${authId})`);
  if (!name) return;
  const profile = await store.add({ name, kind: 'live', authId, baseUrl: PLIVO_BASE_URL }, authToken);
  await store.setActive(profile.id);
  void vscode.window.showInformationMessage(`Profile "${profile.name}" imported; its token is in SecretStorage.`);
}
