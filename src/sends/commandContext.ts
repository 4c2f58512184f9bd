import type * as vscode from 'vscode';
import type { SendHistory } from './historyStore';
import type { SendRecord } from './sendRecord';
import type { SendsTreeProvider } from './sendsTree';
import type { AutoRefresher } from './status/autoRefresher';
import type { AccountConnection, StatusRefreshService } from './status/statusRefreshService';
import { rootNodes, type SendsNode } from './treeNodes';

/** What the Sends commands share; built once by registerSends. */
export interface SendsCommandContext {
  history: SendHistory;
  tree: SendsTreeProvider;
  view: vscode.TreeView<SendsNode>;
  service: StatusRefreshService;
  auto: AutoRefresher;
  connect: (record: SendRecord) => Promise<AccountConnection | undefined>;
}

/** A command's first argument: the clicked item, a send id (from code or tests), or nothing. */
export type NodeArgument = SendsNode | string | undefined;

function isNode(value: unknown): value is SendsNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'record' in value;
}

/**
 * The items a command acts on: the multi-selection when the clicked item is part of it, else the
 * clicked item, a send given by id, or (from a keybinding) the view's selection.
 */
export function chosenNodes(ctx: SendsCommandContext, arg: NodeArgument, selected?: readonly unknown[]): SendsNode[] {
  if (typeof arg === 'string') {
    const record = ctx.history.get(arg);
    return record ? rootNodes([record]) : [];
  }
  const many = Array.isArray(selected) ? selected.filter(isNode) : [];
  if (isNode(arg)) return many.some((node) => node.id === arg.id) ? many : [arg];
  return [...ctx.view.selection];
}

/** The distinct sends behind the chosen items. */
export function chosenSends(nodes: readonly SendsNode[]): SendRecord[] {
  const byId = new Map(nodes.map((node) => [node.record.id, node.record]));
  return [...byId.values()];
}
