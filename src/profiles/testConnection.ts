import * as vscode from 'vscode';
import { describeFailure, PlivoClient } from '../core/client';
import type { LocalSandbox } from '../sandboxHost/localSandbox';
import { resolveConnection } from './connection';
import { pickProfile } from './pickProfile';
import type { Profile } from './profile';
import type { ProfileStore } from './profileStore';

/** Bulk Messaging: Test Connection — `GET /v1/Account/{id}/` with the profile's credentials. */
export async function testConnection(store: ProfileStore, sandbox: LocalSandbox, profile?: Profile): Promise<boolean> {
  profile ??= await pickProfile(store, 'Test which profile?');
  if (!profile) return false;
  const connection = await resolveConnection(profile, store, sandbox);
  if (!connection) return false;
  const client = new PlivoClient({ authId: connection.authId, authToken: connection.authToken, baseUrl: connection.baseUrl, timeouts: { headersMs: 15_000 } });
  // Named in both outcomes: behind a corporate network, which proxy was used is half the answer.
  const via = client.route.proxy ? ` via proxy ${client.route.proxy} (${client.route.proxySource})` : '';
  try {
    const response = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Testing "${profile.name}"${via}…` },
      () => client.getAccount(),
    );
    const account = response.body;
    const credits = typeof account.cash_credits === 'string' ? `, credits ${account.cash_credits}` : '';
    void vscode.window.showInformationMessage(
      `"${profile.name}" works${via}: account ${account.name ?? connection.authId}${credits} (${Math.round(response.elapsedMs)} ms).`,
    );
    return true;
  } catch (error) {
    const failure = describeFailure(error, profile.name, 'test');
    // A non-modal message shows no `detail`, so the next step is part of the text itself.
    void vscode.window.showErrorMessage(`"${profile.name}"${via}: ${sentence(failure.title)} ${sentence(failure.detail)} ${failure.nextStep}`);
    return false;
  } finally {
    await client.close();
  }
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
