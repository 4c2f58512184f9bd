import * as vscode from 'vscode';
import { Commands } from '../constants';
import { chosenNodes, type NodeArgument, type SendsCommandContext } from './commandContext';

/**
 * Reopen in Composer: runs `bulkMessaging.newMessage` with a copy of the send's draft as its only
 * argument; the composer opens (or reveals) its panel filled with that draft. A draft whose list was
 * trimmed for the storage budget gets the send's own numbers back, one per line. If the send is not
 * finished, the composer shows where it stands and Send goes on with it (see unfinishedSend.ts).
 */
export async function reopenInComposer(ctx: SendsCommandContext, arg?: NodeArgument): Promise<void> {
  const [node] = chosenNodes(ctx, arg);
  if (!node) return;
  const { record } = node;
  const draft = structuredClone(record.draft);
  if (record.draftTrimmed) draft.destinations = record.batches.flatMap((b) => b.destinations.filter((d) => d.resentIn === undefined).map((d) => d.number)).join('\n');
  await vscode.commands.executeCommand(Commands.newMessage, draft);
}
