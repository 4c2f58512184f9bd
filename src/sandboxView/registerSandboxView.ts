import * as vscode from 'vscode';
import { DELIVERY_ERROR_CODES, FAILURE_ERROR_CODES } from '../core/errorCodes';
import type { LocalSandbox } from '../sandboxHost/localSandbox';
import { openChaosRules } from './chaosEditor';
import { SandboxViewIds } from './ids';
import { SandboxApi, SandboxApiError, type SandboxTarget } from './sandboxApi';
import { SandboxTree } from './sandboxTree';
import { shownNumber, type MessageNode, type MoreNode, type SandboxNode } from './treeNodes';
import type { PhoneEntry } from './inboxModel';

/** The Sandbox view: connection to the embedded (or a chosen) sandbox, its live tree, its commands. */
export class SandboxView implements vscode.Disposable {
  private api: SandboxApi | undefined;
  private following: AbortController | undefined;
  private connecting: Promise<void> | undefined;
  readonly tree = new SandboxTree(() => this.api);
  readonly view: vscode.TreeView<SandboxNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly sandbox: LocalSandbox,
  ) {
    this.view = vscode.window.createTreeView(SandboxViewIds.view, { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.tree,
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) void this.ensureConnected();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`bulkMessaging.${SandboxViewIds.inboundUrlSetting}`)) void this.applyInboundUrl();
      }),
    );
    if (this.view.visible) void this.ensureConnected();
  }

  /** Connects to the embedded sandbox on first use (starting it if needed). */
  ensureConnected(): Promise<void> {
    this.connecting ??= this.sandbox
      .ensureStarted()
      .then((endpoint) => this.connect(endpoint))
      .catch((error: unknown) => {
        this.connecting = undefined;
        void vscode.window.showErrorMessage(`The sandbox could not be reached: ${(error as Error).message}`);
      });
    return this.connecting;
  }

  /** Follows another sandbox (a `bulk-messaging sandbox` the user runs). The token stays in memory only. */
  async connect(target: SandboxTarget): Promise<void> {
    this.following?.abort();
    await this.api?.close().catch(() => undefined);
    this.api = new SandboxApi(target);
    this.view.description = target.baseUrl;
    this.connecting = Promise.resolve();
    await this.applyInboundUrl();
    const following = (this.following = new AbortController());
    let first = true;
    const opened = new Promise<void>((resolve) => {
      void this.api?.follow(
        (event) => this.tree.model.apply(event),
        () => {
          // Each (re)connection reloads what the stream may have missed.
          this.tree.forgetNodes();
          void this.tree.model.reload().finally(() => {
            if (first) resolve();
            first = false;
          });
        },
        following.signal,
      );
    });
    await opened;
  }

  private async applyInboundUrl(): Promise<void> {
    const url = vscode.workspace.getConfiguration('bulkMessaging').get<string>(SandboxViewIds.inboundUrlSetting, '').trim();
    if (!this.api || url === '') return;
    await this.api.setInboundUrl(url).catch((error: unknown) => {
      void vscode.window.showWarningMessage(`Sandbox inbound URL not set: ${(error as Error).message}`);
    });
  }

  /** The message a command acts on: its argument, else the selected row. */
  selectedMessage(arg?: SandboxNode): MessageNode | undefined {
    const node = arg ?? this.view.selection[0];
    return node?.kind === 'message' ? node : undefined;
  }

  selectedPhone(arg?: SandboxNode): PhoneEntry | undefined {
    const node = arg ?? this.view.selection[0];
    if (node?.kind === 'phone') return node;
    return node?.kind === 'message' ? node.entry : undefined;
  }

  async steer(arg: SandboxNode | undefined, action: 'deliver' | 'fail' | 'undeliver'): Promise<string | undefined> {
    const node = this.selectedMessage(arg);
    if (!node || !this.api) return undefined;
    let code: string | undefined;
    if (action !== 'deliver') {
      const picked = await vscode.window.showQuickPick(
        FAILURE_ERROR_CODES.map((c) => ({ label: c, description: DELIVERY_ERROR_CODES[c].meaning })),
        { title: action === 'fail' ? 'Fail with error code' : 'Mark undelivered with error code', placeHolder: 'Plivo delivery error code', matchOnDescription: true },
      );
      if (!picked) return undefined;
      code = picked.label;
    }
    try {
      const message = await this.api.steer(node.uuid, action, code);
      return message.state;
    } catch (error) {
      void vscode.window.showErrorMessage(`Sandbox: ${error instanceof SandboxApiError ? error.message : String(error)}`);
      return undefined;
    }
  }

  async reply(arg?: SandboxNode): Promise<string | undefined> {
    if (!this.api) await this.ensureConnected();
    const phone = this.selectedPhone(arg)?.phone.phone;
    const from = phone ?? (await vscode.window.showInputBox({ title: 'Reply from which phone?', prompt: 'The number that replies, e.g. +1 415 555 0100' }));
    if (!from || !this.api) return undefined;
    const text = await vscode.window.showInputBox({
      title: `Reply from ${shownNumber(from)}`,
      prompt: 'The text the phone sends back (STOP, HELP, …)',
      validateInput: (value) => (value.trim() === '' ? 'Type the reply text.' : undefined),
    });
    if (!text) return undefined;
    try {
      const result = await this.api.reply(from, text);
      if (!result.posted) {
        void vscode.window.showInformationMessage('Reply stored. No inbound URL is set, so no webhook was posted: set bulkMessaging.sandbox.inboundUrl.');
      }
      return result.message.uuid;
    } catch (error) {
      void vscode.window.showErrorMessage(`Sandbox: ${(error as Error).message}`);
      return undefined;
    }
  }

  async search(): Promise<void> {
    const text = await vscode.window.showInputBox({ title: 'Search the sandbox', prompt: 'A number (any format) or words of a message', value: this.tree.model.search });
    if (text === undefined) return;
    await this.setSearch(text.trim());
  }

  async setSearch(text: string): Promise<void> {
    this.tree.model.search = text;
    this.view.message = text ? `Phones matching “${text}”` : undefined;
    await vscode.commands.executeCommand('setContext', SandboxViewIds.searching, text !== '');
    await this.tree.model.reload();
  }

  async clear(): Promise<void> {
    if (!this.api) return;
    const choice = await vscode.window.showWarningMessage('Clear every message the sandbox holds?', { modal: true }, 'Clear');
    if (choice === 'Clear') await this.api.clear();
  }

  async loadMore(node: MoreNode): Promise<void> {
    if (node.entry) await this.tree.model.loadMessages(node.entry, true);
    else await this.tree.model.morePhones();
  }

  async connectToUrl(): Promise<void> {
    const baseUrl = await vscode.window.showInputBox({ title: 'Sandbox URL', value: 'http://127.0.0.1:8089', prompt: 'A `bulk-messaging sandbox` you run' });
    if (!baseUrl) return;
    const authId = await vscode.window.showInputBox({ title: 'Sandbox auth ID' });
    if (!authId) return;
    const authToken = await vscode.window.showInputBox({ title: 'Sandbox auth token', password: true });
    if (!authToken) return;
    await this.connect({ baseUrl: baseUrl.replace(/\/+$/, ''), authId, authToken });
  }

  dispose(): void {
    this.following?.abort();
    void this.api?.close().catch(() => undefined);
    for (const d of this.disposables) d.dispose();
  }

  get chaosContext(): { context: vscode.ExtensionContext; api: SandboxApi | undefined } {
    return { context: this.context, api: this.api };
  }
}

/** Registers the Sandbox view and its commands. */
export function registerSandboxView(context: vscode.ExtensionContext, sandbox: LocalSandbox): SandboxView {
  const view = new SandboxView(context, sandbox);
  const ids = SandboxViewIds;
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand(ids.refresh, () => view.ensureConnected().then(() => view.tree.model.reload())),
    vscode.commands.registerCommand(ids.search, () => view.search()),
    vscode.commands.registerCommand(ids.clearSearch, () => view.setSearch('')),
    vscode.commands.registerCommand(ids.deliverNow, (node?: SandboxNode) => view.steer(node, 'deliver')),
    vscode.commands.registerCommand(ids.fail, (node?: SandboxNode) => view.steer(node, 'fail')),
    vscode.commands.registerCommand(ids.markUndelivered, (node?: SandboxNode) => view.steer(node, 'undeliver')),
    vscode.commands.registerCommand(ids.clear, () => view.clear()),
    vscode.commands.registerCommand(ids.reply, (node?: SandboxNode) => view.reply(node)),
    vscode.commands.registerCommand(ids.loadMore, (node: MoreNode) => view.loadMore(node)),
    vscode.commands.registerCommand(ids.connect, () => view.connectToUrl()),
    vscode.commands.registerCommand(ids.editChaos, async () => {
      await view.ensureConnected();
      return openChaosRules(context, () => view.chaosContext.api);
    }),
  );
  return view;
}
