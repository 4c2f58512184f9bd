// Reveals the destination a callback's MessageUUID belongs to in the Sends view. Registered by
// registerSends (it owns the view), built from the tree's own node shape so `reveal` finds it.
import * as vscode from 'vscode';
import type { SendsCommandContext } from '../sends/commandContext';
import { childrenOf, rootNodes, type DestinationNode, type SendsNode } from '../sends/treeNodes';

/** The destination node of `uuid` in `sendId`, found through the tree's own children (batches, state groups, pages). */
function destinationNode(ctx: SendsCommandContext, sendId: string, uuid: string): DestinationNode | undefined {
  const record = ctx.history.get(sendId);
  if (!record) return undefined;
  const search = (nodes: SendsNode[]): DestinationNode | undefined => {
    for (const node of nodes) {
      if (node.kind === 'destination' && node.destination.uuid === uuid) return node;
      if (node.kind === 'send' || node.kind === 'batch' || node.kind === 'group' || node.kind === 'range') {
        const found = search(childrenOf(node));
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(rootNodes([record]));
}

/** Arguments: the send id and the MessageUUID. */
export async function revealDestination(ctx: SendsCommandContext, sendId: unknown, uuid: unknown): Promise<boolean> {
  const node = typeof sendId === 'string' && typeof uuid === 'string' ? destinationNode(ctx, sendId, uuid) : undefined;
  if (!node) {
    void vscode.window.showInformationMessage('That message is no longer in the Sends history.');
    return false;
  }
  // The send opened first (a collapsed send's rows are not drawn yet), then its destination selected.
  const send = ctx.tree.sendNode(sendId as string);
  if (send) await ctx.view.reveal(send, { select: false, focus: false, expand: true });
  await ctx.view.reveal(node, { select: true, focus: true, expand: false });
  return true;
}
