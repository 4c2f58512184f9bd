import * as vscode from 'vscode';
import { confirmContinue, confirmResendUncheckable } from '../composer/confirmSend';
import { resolveConnection } from '../profiles/connection';
import type { ProfileStore } from '../profiles/profileStore';
import type { SendOutcome } from '../protocol/composerProtocol';
import type { LocalSandbox } from '../sandboxHost/localSandbox';
import { chosenNodes, chosenSends, type NodeArgument, type SendsCommandContext } from './commandContext';
import type { SendRecord } from './sendRecord';
import { continueSend, type SendRecorder } from './sendService';

export interface ContinueDeps {
  profiles: ProfileStore;
  sandbox: LocalSandbox;
  history: SendRecorder & { get(id: string): SendRecord | undefined };
}

/**
 * "Check Now" (`check`: read the account for batches in doubt) or "Send the Rest" (`rest`: that,
 * then only the destinations not sent) on a stored send. Undefined when the user cancelled.
 */
export async function continueStoredSend(deps: ContinueDeps, sendId: string, mode: 'check' | 'rest' | 'resend', onBatchStart?: (index: number, total: number) => void): Promise<SendOutcome | undefined> {
  const record = deps.history.get(sendId);
  if (!record) throw new Error('That send is no longer in the history.');
  const profile = deps.profiles.get(record.profileId);
  if (!profile) throw new Error(`The profile "${record.profileName}" this send used no longer exists; nothing was sent.`);
  if (mode === 'rest' && profile.kind !== 'sandbox' && !(await confirmContinue(record, profile.name))) return undefined;
  if (mode === 'resend' && !(await confirmResendUncheckable(record))) return undefined;
  const connection = await resolveConnection(profile, deps.profiles, deps.sandbox);
  if (!connection) return undefined;
  const run = mode === 'rest' ? 'send' : mode === 'resend' ? 'resend-uncheckable' : 'check';
  return (await continueSend(record, connection, deps.history, run, onBatchStart)).outcome;
}

/** The Sends view's Check Now / Send the Rest: runs, then says where the whole send stands. */
export async function continueFromView(ctx: SendsCommandContext, deps: ContinueDeps, mode: 'check' | 'rest' | 'resend', arg?: NodeArgument): Promise<void> {
  const [record] = chosenSends(chosenNodes(ctx, arg));
  if (!record) return;
  try {
    const outcome = await continueStoredSend(deps, record.id, mode);
    if (!outcome) return;
    const text = `Bulk Messaging: ${outcome.summary}. ${outcome.nextStep}`;
    if (outcome.stop === 'complete') void vscode.window.showInformationMessage(text);
    else void vscode.window.showWarningMessage(outcome.detail ? `${text} (${outcome.detail})` : text);
  } catch (error) {
    void vscode.window.showErrorMessage(`Bulk Messaging: ${error instanceof Error ? error.message : String(error)}`);
  }
}
