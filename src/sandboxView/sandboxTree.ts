import * as vscode from 'vscode';
import { InboxModel, type ModelChange, type PhoneEntry } from './inboxModel';
import type { SandboxApi } from './sandboxApi';
import { SandboxViewIds } from './ids';
import { messageContext, messageDescription, messageDetails, messageLabel, phoneDescription, shownNumber, stateIcon, type MessageNode, type SandboxNode } from './treeNodes';

// Changes are painted at most this often: a 1,000-number send moves a thousand rows at once.
const PAINT_MS = 50;

function icon(spec: { id: string; color?: string }): vscode.ThemeIcon {
  return new vscode.ThemeIcon(spec.id, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
}

/** Phones → messages → details, from the model; refreshes are batched. */
export class SandboxTree implements vscode.TreeDataProvider<SandboxNode>, vscode.Disposable {
  readonly model: InboxModel;
  private readonly emitter = new vscode.EventEmitter<SandboxNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private pending = new Set<ModelChange>();
  private timer: NodeJS.Timeout | undefined;
  /** Set when painting: a message node per UUID, so menus and tests get the same objects back. */
  private readonly messageNodes = new Map<string, MessageNode>();
  /** Resolved once the first load after connecting painted (tests and the bench wait on it). */
  onPainted: (() => void) | undefined;

  constructor(api: () => SandboxApi | undefined) {
    this.model = new InboxModel(api, (change) => this.schedule(change));
  }

  private schedule(change: ModelChange): void {
    this.pending.add(change);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const changes = this.pending;
      this.pending = new Set();
      if (changes.has(undefined)) this.emitter.fire(undefined);
      else for (const entry of changes) this.emitter.fire(entry);
    }, PAINT_MS);
  }

  getTreeItem(node: SandboxNode): vscode.TreeItem {
    switch (node.kind) {
      case 'phone': {
        const item = new vscode.TreeItem(shownNumber(node.phone.phone), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `phone:${node.phone.phone}`;
        item.description = phoneDescription(node);
        item.iconPath = new vscode.ThemeIcon('device-mobile');
        item.contextValue = 'sandboxPhone';
        return item;
      }
      case 'message': {
        const m = this.model.findMessage(node.uuid);
        const item = new vscode.TreeItem(m ? messageLabel(m) : node.uuid, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `message:${node.uuid}`;
        if (m) {
          item.description = messageDescription(m);
          item.iconPath = icon(stateIcon(m.state));
          item.contextValue = messageContext(m);
          item.tooltip = new vscode.MarkdownString().appendText(`${m.text}\n\n${messageDescription(m)}`);
        }
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `detail:${node.id}`;
        item.description = node.description;
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.description ? `${node.label}\n${node.description}` : node.label;
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `more:${node.entry?.phone.phone ?? 'phones'}`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: SandboxViewIds.loadMore, title: 'Load More', arguments: [node] };
        return item;
      }
    }
  }

  async getChildren(node?: SandboxNode): Promise<SandboxNode[]> {
    if (!node) {
      const rows: SandboxNode[] = [...this.model.phones];
      if (this.model.phones.length < this.model.totalPhones) {
        rows.push({ kind: 'more', label: `Load more phones… (${this.model.phones.length.toLocaleString('en-US')} of ${this.model.totalPhones.toLocaleString('en-US')})` });
      }
      queueMicrotask(() => this.onPainted?.());
      return rows;
    }
    if (node.kind === 'phone') return this.messageRows(node);
    if (node.kind === 'message') {
      const m = this.model.findMessage(node.uuid);
      return m ? messageDetails(m) : [];
    }
    return [];
  }

  private async messageRows(entry: PhoneEntry): Promise<SandboxNode[]> {
    const messages = entry.messages ?? (await this.model.loadMessages(entry).catch(() => []));
    const rows: SandboxNode[] = messages.map((m) => this.messageNode(m.uuid, entry));
    if (messages.length < entry.totalMessages) {
      rows.push({ kind: 'more', entry, label: `Load more messages… (${messages.length.toLocaleString('en-US')} of ${entry.totalMessages.toLocaleString('en-US')})` });
    }
    return rows;
  }

  private messageNode(uuid: string, entry: PhoneEntry): MessageNode {
    let node = this.messageNodes.get(uuid);
    if (!node || node.entry !== entry) this.messageNodes.set(uuid, (node = { kind: 'message', uuid, entry }));
    return node;
  }

  /** Forgets cached nodes (after a reload). */
  forgetNodes(): void {
    this.messageNodes.clear();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
  }
}
