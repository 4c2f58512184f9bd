import * as vscode from 'vscode';
import { chosenNodes, chosenSends, type NodeArgument, type SendsCommandContext } from './commandContext';
import { formatWhen, textSnippet } from './sendSummary';

const NOT_AFFECTED = 'Messages already sent are not affected; only the history entry goes.';

/** Delete Send: removes the chosen sends from the history after a modal confirmation. */
export async function deleteSend(ctx: SendsCommandContext, arg?: NodeArgument, selected?: readonly unknown[]): Promise<number> {
  const sends = chosenSends(chosenNodes(ctx, arg, selected));
  if (sends.length === 0) return 0;
  const question =
    sends.length === 1
      ? `Delete the send “${textSnippet(sends[0].draft.text)}” (${formatWhen(sends[0].createdAt)}, ${sends[0].profileName}) from the history?`
      : `Delete ${sends.length} sends from the history?`;
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail: NOT_AFFECTED }, 'Delete');
  if (choice !== 'Delete') return 0;
  let removed = 0;
  for (const record of sends) if (await ctx.history.remove(record.id)) removed += 1;
  return removed;
}

/** Clear All: empties the history after a modal confirmation. */
export async function clearSends(ctx: SendsCommandContext): Promise<boolean> {
  const count = ctx.history.list().length;
  if (count === 0) {
    void vscode.window.showInformationMessage('The sends history is already empty.');
    return false;
  }
  const choice = await vscode.window.showWarningMessage(
    `Clear all ${count} send${count === 1 ? '' : 's'} from the history?`,
    { modal: true, detail: `This cannot be undone. ${NOT_AFFECTED}` },
    'Clear All',
  );
  if (choice !== 'Clear All') return false;
  await ctx.history.clear();
  return true;
}
