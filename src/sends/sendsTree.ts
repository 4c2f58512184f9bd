import * as vscode from 'vscode';
import type { SendHistory } from './historyStore';
import { describeNode, type ItemView } from './treeItemView';
import { childrenOf, parentOf, rootNodes, type SendsNode } from './treeNodes';

const COLLAPSIBLE: Record<ItemView['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** A node's plain description as a TreeItem. */
export function toTreeItem(node: SendsNode, view: ItemView = describeNode(node)): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
  item.id = node.id;
  item.description = view.description;
  item.tooltip = new vscode.MarkdownString(view.tooltip);
  item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
  item.contextValue = view.contextValue;
  return item;
}

/**
 * The Sends view: the history, newest first. Everything is computed synchronously from the records
 * in memory, so a 1,000-destination batch opens at once; bursts of history changes (a refresh
 * writes every second) redraw once.
 */
export class SendsTreeProvider implements vscode.TreeDataProvider<SendsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SendsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly history: SendHistory, private readonly redrawDelayMs = 50) {
    this.subscription = history.onDidChange(() => this.refresh());
  }

  /** Redraws the whole tree soon (coalescing calls within a few tens of milliseconds). */
  refresh(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.changed.fire(undefined);
    }, this.redrawDelayMs);
  }

  getChildren(node?: SendsNode): SendsNode[] {
    return node ? childrenOf(node) : rootNodes(this.history.list());
  }

  getTreeItem(node: SendsNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: SendsNode): SendsNode | undefined {
    return parentOf(node);
  }

  /** The node of a send, for `TreeView.reveal`. */
  sendNode(sendId: string): SendsNode | undefined {
    return this.getChildren().find((node) => node.id === sendId);
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
