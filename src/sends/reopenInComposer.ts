import * as vscode from 'vscode';
import { Commands } from '../constants';
import { chosenNodes, type NodeArgument, type SendsCommandContext } from './commandContext';

/**
 * Reopen in Composer: runs `bulkMessaging.newMessage` with a copy of the send's draft as its only
 * argument; the composer opens (or reveals) its panel filled with that draft.
 */
export async function reopenInComposer(ctx: SendsCommandContext, arg?: NodeArgument): Promise<void> {
  const [node] = chosenNodes(ctx, arg);
  if (!node) return;
  await vscode.commands.executeCommand(Commands.newMessage, structuredClone(node.record.draft));
}
