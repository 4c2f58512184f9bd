import * as vscode from 'vscode';
import type { SendHistory } from './historyStore';
import type { SendRecord } from './sendRecord';
import { needsAttention } from './sendSummary';
import { describeNode, type ItemView } from './treeItemView';
import { childrenOf, parentOf, rootNodes, type SendNode, type SendsNode } from './treeNodes';

/** Longest a redraw waits while a send is being posted (its answer redraws at once). */
const HOLD_MS = 1000;

const COLLAPSIBLE: Record<ItemView['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** A node's plain description as a TreeItem. */
export function toTreeItem(node: SendsNode, view: ItemView = describeNode(node)): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
  // The newest send has an id of its own: when a newer one arrives it becomes a new element and shows
  // collapsed, so the tree keeps one send open instead of re-sending every earlier one's rows.
  item.id = node.kind === 'send' && node.newest ? `${node.id}#newest` : node.id;
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
  private readonly changed = new vscode.EventEmitter<SendsNode | SendsNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private pending: NodeJS.Timeout | undefined;
  /**
   * The root node of each send as last given to VS Code: a change to one send redraws that send
   * only (VS Code knows nodes by identity), instead of every expanded send's rows.
   */
  private readonly roots = new Map<string, SendNode>();
  private readonly dirty = new Set<string>();
  private redrawAll = false;
  private lastRedraw = 0;
  /** Per send, how many of its batches were answered when the tree last heard of it. */
  private readonly decided = new Map<string, number>();

  constructor(private readonly history: SendHistory, private readonly redrawDelayMs = 50) {
    this.subscription = history.onDidChange((record) => this.refresh(record?.id));
  }

  /**
   * Redraws one send (or, without an id, or for a send not shown yet, the whole tree). VS Code
   * delivers the first tree change at once and holds later ones for 200 ms, so while a send is
   * being posted other redraws wait (up to HOLD_MS) and the one that shows a batch's answer — its
   * UUIDs — goes out first. Otherwise changes within a few tens of milliseconds redraw once.
   */
  refresh(sendId?: string): void {
    if (sendId === undefined || !this.roots.has(sendId)) this.redrawAll = true;
    else this.dirty.add(sendId);
    const record = sendId === undefined ? undefined : this.history.get(sendId);
    if (record && this.answered(record)) return this.schedule(0);
    if (this.someBeingPosted()) return this.schedule(HOLD_MS);
    this.schedule(Math.max(0, this.lastRedraw + this.redrawDelayMs - Date.now()));
  }

  /** True when a batch of the send got its answer (or was checked) since the tree last drew it. */
  private answered(record: SendRecord): boolean {
    const decided = record.batches.filter((b) => b.state !== 'pending' && b.state !== 'in-flight').length;
    const before = this.decided.get(record.id) ?? 0;
    this.decided.set(record.id, decided);
    return decided > before;
  }

  /** A send of this or another window holds its lock and still has batches to post. */
  private someBeingPosted(): boolean {
    return this.history.list().some((r) => r.batches.some((b) => b.state === 'pending' || b.state === 'in-flight') && this.history.isRunning(r.id));
  }

  private schedule(waitMs: number): void {
    if (this.pending) {
      if (waitMs > 0) return;
      clearTimeout(this.pending);
    }
    this.pending = setTimeout(() => this.redraw(), waitMs);
  }

  private redraw(): void {
    this.pending = undefined;
    this.lastRedraw = Date.now();
    const ids = [...this.dirty];
    this.dirty.clear();
    if (this.redrawAll || ids.some((id) => !this.history.get(id))) {
      this.redrawAll = false;
      this.changed.fire(undefined);
      return;
    }
    this.changed.fire(ids.map((id) => this.roots.get(id)).filter((node): node is SendNode => node !== undefined));
  }

  getChildren(node?: SendsNode): SendsNode[] {
    if (node) return childrenOf(node.kind === 'send' ? this.fresh(node) : node);
    const nodes = rootNodes(this.history.list()).map((next) => {
      const known = this.roots.get(next.id);
      if (!known) return next;
      known.record = next.record;
      known.newest = next.newest;
      return known;
    });
    this.roots.clear();
    for (const root of nodes) this.roots.set(root.id, root);
    return nodes;
  }

  /** A cached send node carries the record the store holds now (it may have re-read the file). */
  private fresh(node: SendNode): SendNode {
    node.record = this.history.get(node.id) ?? node.record;
    return node;
  }

  getTreeItem(node: SendsNode): vscode.TreeItem {
    return toTreeItem(node.kind === 'send' ? this.fresh(node) : node);
  }

  getParent(node: SendsNode): SendsNode | undefined {
    const parent = parentOf(node);
    // The shown send node (its `newest` decides its id), not a rebuilt one.
    return parent?.kind === 'send' ? (this.roots.get(parent.id) ?? parent) : parent;
  }

  /** The node of a send, for `TreeView.reveal`. */
  sendNode(sendId: string): SendsNode | undefined {
    return this.roots.get(sendId) ?? this.getChildren().find((node) => node.id === sendId);
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The view's badge: how many sends need a look (a failure, or something in doubt or not sent). */
function badgeFor(count: number): vscode.ViewBadge | undefined {
  return count === 0 ? undefined : { value: count, tooltip: count === 1 ? '1 send needs a look: failures or unsent destinations' : `${count} sends need a look: failures or unsent destinations` };
}

/**
 * Keeps the view's badge current as the history changes. A change names its send, so only that send
 * is counted again (counting every destination of a long history on each status write would cost
 * milliseconds a change); the badge is set only when its count moves.
 */
export function keepBadge(view: vscode.TreeView<SendsNode>, history: SendHistory): vscode.Disposable {
  const attention = new Map<string, boolean>();
  let shown = -1;
  const update = (changed?: SendRecord) => {
    if (changed && attention.size > 0) attention.set(changed.id, needsAttention(changed));
    else {
      attention.clear();
      for (const record of history.list()) attention.set(record.id, needsAttention(record));
    }
    const count = [...attention.values()].filter(Boolean).length;
    if (count === shown) return;
    shown = count;
    view.badge = badgeFor(count);
  };
  void history.ready.then(() => update(), () => undefined);
  return history.onDidChange(update);
}
