import * as vscode from 'vscode';
import { batchesOf, responseText, uuidsText } from './clipboardText';
import { chosenNodes, type NodeArgument, type SendsCommandContext } from './commandContext';

/** Copy UUID / Copy All UUIDs: the chosen items' UUIDs, one per line. Returns what was copied. */
export async function copyUuids(ctx: SendsCommandContext, arg?: NodeArgument, selected?: readonly unknown[]): Promise<string | undefined> {
  const text = uuidsText(chosenNodes(ctx, arg, selected));
  if (text === '') {
    void vscode.window.showInformationMessage('Nothing to copy: no message was created for the chosen entries, so they have no UUID.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  const count = text.split('\n').length;
  void vscode.window.setStatusBarMessage(`Bulk Messaging: copied ${count} UUID${count === 1 ? '' : 's'}.`, 3000);
  return text;
}

/** Copy Response JSON: the API's response body of the chosen batch, or of every batch of a send. */
export async function copyResponse(ctx: SendsCommandContext, arg?: NodeArgument): Promise<string | undefined> {
  const [node] = chosenNodes(ctx, arg);
  const text = node && responseText(batchesOf(node));
  if (!text) {
    void vscode.window.showInformationMessage('Nothing to copy: no response body was received for this send.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage('Bulk Messaging: copied the response JSON.', 3000);
  return text;
}
