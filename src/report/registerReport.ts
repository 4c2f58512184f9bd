// The Sends view's "Show Delivery Report": on a send item, by id (the composer's result, tests), or
// for the newest send when run from the palette.
import * as vscode from 'vscode';
import type { SendHistory } from '../sends/historyStore';
import { ReportPanel } from './reportPanel';

export const SHOW_REPORT_COMMAND = 'bulkMessaging.sends.showReport';

function sendIdOf(history: SendHistory, arg: unknown): string | undefined {
  if (typeof arg === 'string') return history.get(arg)?.id;
  if (typeof arg === 'object' && arg !== null && 'record' in arg) {
    const record = (arg as { record?: { id?: unknown } }).record;
    if (typeof record?.id === 'string') return history.get(record.id)?.id;
  }
  return history.list()[0]?.id;
}

export function registerReport(context: vscode.ExtensionContext, history: SendHistory): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, async (arg?: unknown) => {
      await history.ready;
      const id = sendIdOf(history, arg);
      if (!id) {
        void vscode.window.showInformationMessage('There is no send to report on yet. Send a message from the composer first.');
        return;
      }
      ReportPanel.show(history, context.extensionUri, id);
    }),
  );
}
