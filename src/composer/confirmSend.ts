import * as vscode from 'vscode';
import { confirmationText, type ConfirmationFacts } from './confirmationText';

/** Asks, in a modal dialog, before a send that leaves this machine; true only on an explicit yes. */
export async function confirmSend(facts: ConfirmationFacts): Promise<boolean> {
  const text = confirmationText(facts);
  const choice = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, text.confirm);
  return choice === text.confirm;
}
