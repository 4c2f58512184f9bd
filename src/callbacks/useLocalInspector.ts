// "Use local inspector": the status-callback URL for the composer. With the Local sandbox it is the
// receiver's own URL; a live account's callbacks come from Plivo's servers, so that URL must be
// public — the user pastes a tunnel URL that forwards to the receiver.
import * as vscode from 'vscode';
import type { ProfileStore } from '../profiles/profileStore';
import type { HostToWebview } from '../protocol/composerProtocol';
import { CallbackCommands, CallbackStorageKeys } from './callbackIds';
import { type CallbackReceiver, INSPECTOR_PATH } from './callbackReceiver';
import { forwardTargetProblem } from './forwardCallback';

export interface InspectorUrl {
  url: string;
  /** What to tell the user beside the field. */
  note: string;
}

export interface UseInspectorDeps {
  receiver: CallbackReceiver;
  profiles: ProfileStore;
  state: vscode.Memento;
}

/** The pasted tunnel URL with the inspector's path when it was given without one. */
export function tunnelCallbackUrl(pasted: string): string {
  const url = new URL(pasted.trim());
  if (url.pathname === '/' || url.pathname === '') url.pathname = INSPECTOR_PATH;
  return url.href;
}

/** The URL to fill in for this profile, or undefined when the user backed out. */
export async function useLocalInspector(deps: UseInspectorDeps, profileId?: unknown): Promise<InspectorUrl | undefined> {
  const profile = (typeof profileId === 'string' && deps.profiles.get(profileId)) || deps.profiles.active();
  const local = await deps.receiver.ensureStarted();
  const view = 'Each callback shows in the Callbacks view with its signatures checked.';
  if (profile.kind === 'sandbox') return { url: local.url, note: `Status callbacks go to the local inspector at ${local.url}. ${view}` };

  const tunnel = { label: 'Paste a public tunnel URL…', detail: `Plivo cannot reach 127.0.0.1. Start a tunnel to port ${local.port} (e.g. "ngrok http ${local.port}") and paste its https URL.` };
  const localOnly = { label: 'Use the local URL anyway', detail: `${local.url} — only a server on this machine can call it (a custom URL profile pointing at a local sandbox).` };
  const choice = await vscode.window.showQuickPick([tunnel, localOnly], {
    title: `Status callbacks for "${profile.name}"`,
    placeHolder: 'A live account calls the status URL from the internet: it must be public.',
    ignoreFocusOut: true,
  });
  if (!choice) return undefined;
  if (choice === localOnly) return { url: local.url, note: `Status callbacks go to ${local.url}; Plivo itself cannot reach it. ${view}` };
  const pasted = await vscode.window.showInputBox({
    title: 'Public tunnel URL',
    prompt: `A public URL that forwards to http://127.0.0.1:${local.port} (the inspector keeps listening locally).`,
    value: deps.state.get<string>(CallbackStorageKeys.publicUrl, ''),
    placeHolder: 'https://example.ngrok-free.app',
    ignoreFocusOut: true,
    validateInput: (value) => forwardTargetProblem(value)?.replace('e.g. http://localhost:3000/plivo/status', 'e.g. https://example.ngrok-free.app'),
  });
  if (!pasted) return undefined;
  const url = tunnelCallbackUrl(pasted);
  await deps.state.update(CallbackStorageKeys.publicUrl, url);
  return { url, note: `Status callbacks go to ${url}, which must forward to port ${local.port} while you send. ${view}` };
}

/** The composer's hook: fills the callback URL field and says what it means. */
export async function answerUseLocalInspector(profileId: string | undefined, post: (message: HostToWebview) => Promise<void>): Promise<void> {
  const result = await vscode.commands.executeCommand<InspectorUrl | undefined>(CallbackCommands.useLocalInspector, profileId);
  if (!result) return;
  await post({ type: 'prefill', fields: { callbackUrl: result.url } });
  await post({ type: 'notice', level: 'info', message: result.note });
}
