import * as vscode from 'vscode';
import type { CallbackInspector } from './callbackInspector';
import { CallbackCommands } from './callbackIds';
import { describeCallback, detailRows, type DetailRow } from './callbackItemView';
import type { InspectedCallback } from './inspectedCallback';

export type CallbackNode = { kind: 'callback'; callback: InspectedCallback } | { kind: 'detail'; callback: InspectedCallback; row: DetailRow };

/** The Callbacks view: newest callback first, each with its fields and verdicts one level down. */
export class CallbacksTreeProvider implements vscode.TreeDataProvider<CallbackNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CallbackNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly inspector: CallbackInspector) {
    // A burst of callbacks redraws once.
    this.subscription = inspector.onDidChange(() => {
      this.pending ??= setTimeout(() => {
        this.pending = undefined;
        this.changed.fire(undefined);
      }, 50);
    });
  }

  getChildren(node?: CallbackNode): CallbackNode[] {
    if (!node) return this.inspector.list().map((callback) => ({ kind: 'callback', callback }));
    if (node.kind === 'detail') return [];
    return detailRows(node.callback).map((row) => ({ kind: 'detail', callback: node.callback, row }));
  }

  getTreeItem(node: CallbackNode): vscode.TreeItem {
    if (node.kind === 'callback') {
      const view = describeCallback(node.callback);
      const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `callback/${node.callback.id}`;
      item.description = view.description;
      item.tooltip = view.tooltip;
      item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
      item.contextValue = node.callback.sendId ? 'callback:send' : 'callback';
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    // Forward rows grow: their key is their position, so ids stay stable.
    item.id = `callback/${node.callback.id}/${row.key}`;
    item.description = row.description;
    item.tooltip = row.tooltip ?? `${row.label}: ${row.description}`;
    item.contextValue = `callbackDetail:${row.key}`;
    if (row.reveals) item.command = { command: CallbackCommands.revealInSends, title: 'Reveal in Sends', arguments: [node.callback.id] };
    return item;
  }

  getParent(node: CallbackNode): CallbackNode | undefined {
    return node.kind === 'detail' ? { kind: 'callback', callback: node.callback } : undefined;
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** A command's callback: the clicked node, a callback id (from a row or a test), or the selection. */
export function chosenCallback(inspector: CallbackInspector, view: vscode.TreeView<CallbackNode>, arg: unknown): InspectedCallback | undefined {
  if (typeof arg === 'number') return inspector.get(arg);
  if (typeof arg === 'object' && arg !== null && 'callback' in arg) return (arg as CallbackNode).callback;
  const [selected] = view.selection;
  if (selected) return selected.callback;
  return inspector.list()[0];
}
