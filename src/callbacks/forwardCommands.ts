// Forward to…, Stop Forwarding, Replay and Replay All of This Send.
import * as vscode from 'vscode';
import type { CallbackInspector } from './callbackInspector';
import { CallbackStorageKeys } from './callbackIds';
import { forwardTargetProblem } from './forwardCallback';
import type { InspectedCallback } from './inspectedCallback';

/** Context key: callbacks are being forwarded (the view's title shows Stop Forwarding). */
export const FORWARDING_CONTEXT = 'bulkMessaging.callbacks.forwarding';

export interface ForwardDeps {
  inspector: CallbackInspector;
  state: vscode.Memento;
}

async function askTarget(deps: ForwardDeps, title: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt: 'Your own status handler. Each callback is signed again with the profile\u2019s token for this URL, so your signature check passes.',
    value: deps.inspector.target ?? deps.state.get<string>(CallbackStorageKeys.forwardTarget, 'http://localhost:3000/plivo/status'),
    ignoreFocusOut: true,
    validateInput: forwardTargetProblem,
  });
  return value?.trim() || undefined;
}

/** Forwards every new callback to the user's handler (a URL argument skips the prompt). */
export async function forwardTo(deps: ForwardDeps, arg?: unknown): Promise<string | undefined> {
  const target = typeof arg === 'string' && !forwardTargetProblem(arg) ? arg.trim() : await askTarget(deps, 'Forward status callbacks to');
  if (!target) return undefined;
  deps.inspector.setForwardTarget(target);
  await deps.state.update(CallbackStorageKeys.forwardTarget, target);
  await vscode.commands.executeCommand('setContext', FORWARDING_CONTEXT, true);
  void vscode.window.showInformationMessage(`New status callbacks are forwarded to ${target}, signed for that URL.`);
  return target;
}

export async function stopForwarding(deps: ForwardDeps): Promise<void> {
  deps.inspector.setForwardTarget(undefined);
  await vscode.commands.executeCommand('setContext', FORWARDING_CONTEXT, false);
}

/** Sends the callbacks again, in the order they arrived, to the forward target (asked for when none is set). */
export async function replay(deps: ForwardDeps, callbacks: readonly InspectedCallback[]): Promise<void> {
  if (callbacks.length === 0) {
    void vscode.window.showInformationMessage('There is no callback to replay.');
    return;
  }
  const target = deps.inspector.target ?? (await askTarget(deps, 'Replay to'));
  if (!target) return;
  let answered = 0;
  for (const callback of callbacks) {
    if (!(await deps.inspector.replay(callback, target))) {
      void vscode.window.showWarningMessage('Not replayed: the profile\u2019s auth token is not available to sign the callbacks. Run a status refresh or a send to enter it again.');
      return;
    }
    const last = callback.forwards[callback.forwards.length - 1];
    if (last && !last.error) answered++;
  }
  const failed = callbacks.length - answered;
  const summary = `Replayed ${callbacks.length} callback${callbacks.length === 1 ? '' : 's'} to ${target}`;
  if (failed === 0) void vscode.window.showInformationMessage(`${summary}: each answered 2xx.`);
  else void vscode.window.showWarningMessage(`${summary}: ${failed} did not get a 2xx answer (see the Forwarded rows in the Callbacks view).`);
}
