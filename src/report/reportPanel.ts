// One delivery report panel per send. It redraws from the sends store's change events, at most
// every REDRAW_MS, so a status refresh of 1,000 destinations costs one message, not a thousand.
import * as vscode from 'vscode';
import { CallbackCommands } from '../callbacks/callbackIds';
import { deliveryReport } from '../core/report/deliveryReport';
import { type HostToReport, validateReportMessage } from '../protocol/reportProtocol';
import type { SendHistory } from '../sends/historyStore';
import type { SendRecord } from '../sends/sendRecord';
import { formatWhen, textSnippet } from '../sends/sendSummary';
import { webviewHtml } from '../util/webviewHtml';

/** Redraws wait this long after a change, so a burst of status updates is drawn once. */
export const REDRAW_MS = 250;

export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'bulkMessaging.report';
  private static readonly open = new Map<string, ReportPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ready = false;

  /** Shows the report of `sendId`, reusing its panel when one is open. */
  static show(history: SendHistory, extensionUri: vscode.Uri, sendId: string): ReportPanel {
    const existing = ReportPanel.open.get(sendId);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, 'Delivery report', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    const report = new ReportPanel(panel, history, sendId);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, { name: 'report', title: 'Delivery report', rootId: 'report' });
    ReportPanel.open.set(sendId, report);
    return report;
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly history: SendHistory, private readonly sendId: string) {
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      history.onDidChange((record) => {
        if (record === undefined || record.id === sendId) this.schedule();
      }),
    );
  }

  private receive(raw: unknown): void {
    const parsed = validateReportMessage(raw);
    if (!parsed.ok) {
      console.warn(`Bulk Messaging: ignored a report message (${parsed.reason})`);
      return;
    }
    if (parsed.message.type === 'ready') {
      this.ready = true;
      this.post();
    } else {
      void vscode.commands.executeCommand(CallbackCommands.revealDestination, this.sendId, parsed.message.uuid);
    }
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.post();
    }, REDRAW_MS);
  }

  private post(): void {
    if (!this.ready) return;
    const record = this.history.get(this.sendId);
    void this.panel.webview.postMessage(record ? reportMessage(record) : ({ type: 'gone' } satisfies HostToReport));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    ReportPanel.open.delete(this.sendId);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }
}

function reportMessage(record: SendRecord): HostToReport {
  return {
    type: 'report',
    title: `${formatWhen(record.createdAt)} · ${textSnippet(record.draft.text)}`,
    report: deliveryReport(record.batches),
    builtAt: new Date().toISOString(),
  };
}
