import * as vscode from 'vscode';
import { progressLine, sendProgress } from '../core/sends/sendProgress';
import type { SendRecord } from '../sends/sendRecord';
import { confirmationText, type ConfirmationFacts } from './confirmationText';
import { repeatQuestion, type EarlierSend } from './repeatSend';

/**
 * Asks, in one modal dialog, before a send that leaves this machine, and before any send (the
 * sandbox too) that repeats an earlier one; true only on an explicit yes, or when there is nothing to ask.
 */
export async function confirmSend(facts: ConfirmationFacts, earlier: EarlierSend | undefined): Promise<boolean> {
  const leaves = facts.profileKind !== 'sandbox';
  if (!leaves && !earlier) return true;
  const text = leaves ? confirmationText(facts) : undefined;
  const repeat = earlier ? repeatQuestion(earlier) : undefined;
  const message = repeat?.message ?? text?.message ?? '';
  const detail = [repeat?.detail, text?.detail].filter(Boolean).join('\n\n');
  const confirm = text?.confirm ?? 'Send Again';
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, confirm);
  return choice === confirm;
}

/** Asks before "Send the Rest" on a profile that sends real SMS: how many go out, how many are checked first. */
export async function confirmContinue(record: SendRecord, profileName: string): Promise<boolean> {
  const progress = sendProgress(record);
  const confirm = 'Send the Rest';
  const doubt = progress.inDoubt > 0 ? ` The ${progress.inDoubt.toLocaleString('en-US')} in doubt are checked in the account first and sent only if they were not queued.` : '';
  const choice = await vscode.window.showWarningMessage(
    `Send the rest of this send with "${profileName}"?`,
    { modal: true, detail: `${progressLine(progress)}. Only destinations not sent go out (real, paid SMS); the ${progress.accepted.toLocaleString('en-US')} accepted are not sent again.${doubt}` },
    confirm,
  );
  return choice === confirm;
}

/**
 * The one way to send in-doubt destinations without proof: a modal that says they may already have
 * been queued and would then be delivered, and charged, twice. True only on the explicit choice.
 */
export async function confirmResendUncheckable(record: SendRecord): Promise<boolean> {
  const uncheckable = record.batches.filter((b) => b.state === 'in-doubt' && b.reconcileError);
  const count = uncheckable.reduce((n, b) => n + b.destinations.filter((d) => d.result !== 'refused').length, 0);
  const confirm = 'Send Them Again';
  const choice = await vscode.window.showWarningMessage(
    `Send ${count.toLocaleString('en-US')} destinations again without knowing whether they were queued?`,
    {
      modal: true,
      detail: `Their batch could not be checked in the account (${uncheckable[0]?.reconcileError ?? 'unknown reason'}). If Plivo queued them, each gets the message twice and is charged twice. Check Now again later is the safe choice.`,
    },
    confirm,
  );
  return choice === confirm;
}
