import * as vscode from 'vscode';
import type { HostToWebview, WebviewToHost } from '../protocol/composerProtocol';
import { parseWebviewMessage } from '../protocol/validateWebviewMessage';
import { webviewHtml } from '../util/webviewHtml';

/** Handles what the webview asks for; the panel itself only owns the webview's lifecycle. */
export interface ComposerMessageHandler {
  handle(message: WebviewToHost, panel: ComposerPanel): void | Promise<void>;
  disposePanel?(): void;
  /** Where messages the webview should never have posted are reported; console.warn without it. */
  log?(line: string): void;
}

/** The composer webview: one panel, revealed again rather than duplicated. */
export class ComposerPanel implements vscode.Disposable {
  static readonly viewType = 'bulkMessaging.composer';
  private static instance: ComposerPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readyPromise: Promise<void>;
  private markReady!: () => void;

  /** Opens the composer, or reveals the one that is already open. */
  static createOrShow(extensionUri: vscode.Uri, handler: ComposerMessageHandler): ComposerPanel {
    if (ComposerPanel.instance) {
      ComposerPanel.instance.panel.reveal();
      return ComposerPanel.instance;
    }
    const panel = vscode.window.createWebviewPanel(ComposerPanel.viewType, 'New Message', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    ComposerPanel.instance = new ComposerPanel(panel, extensionUri, handler);
    return ComposerPanel.instance;
  }

  /** The composer panel that is open now, if any. */
  static get current(): ComposerPanel | undefined {
    return ComposerPanel.instance;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly handler: ComposerMessageHandler,
  ) {
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'bulk-messaging.svg');
    panel.webview.html = webviewHtml(panel.webview, extensionUri, { name: 'composer', title: 'New Message', rootId: 'app' });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
    );
  }

  /** Posts a typed message; messages before the ready handshake wait for it. */
  async post(message: HostToWebview): Promise<void> {
    await this.readyPromise;
    await this.panel.webview.postMessage(message);
  }

  /**
   * Everything the webview posts arrives here (public so a test can post what a webview could).
   * Only a message the protocol allows reaches the handler; anything else is dropped and logged,
   * without a notification. Never rejects: a throw here would be an unhandled rejection.
   */
  async receive(raw: unknown): Promise<void> {
    try {
      const parsed = parseWebviewMessage(raw);
      if (!parsed.ok) return this.log(`Composer: dropped a message from the webview: ${parsed.reason}`);
      if (parsed.message.type === 'ready') this.markReady();
      await this.handler.handle(parsed.message, this);
    } catch (error) {
      void vscode.window.showErrorMessage(`Bulk Messaging: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private log(line: string): void {
    if (this.handler.log) this.handler.log(line);
    else console.warn(line);
  }

  dispose(): void {
    if (ComposerPanel.instance === this) ComposerPanel.instance = undefined;
    this.handler.disposePanel?.();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
