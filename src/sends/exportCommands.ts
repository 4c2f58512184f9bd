import * as vscode from 'vscode';
import { exportSends, type ExportFormat } from '../core/export/exportFormats';
import { chosenNodes, chosenSends, type NodeArgument, type SendsCommandContext } from './commandContext';
import type { SendRecord } from './sendRecord';

/** Given by tests to skip the format pick and the save dialog. */
export interface ExportChoice {
  format?: ExportFormat;
  uri?: vscode.Uri;
}

async function pickFormat(preset?: ExportFormat): Promise<ExportFormat | undefined> {
  if (preset) return preset;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: 'one row per destination, for spreadsheets', format: 'csv' as const },
      { label: 'JSON', description: 'each send with its request and destinations', format: 'json' as const },
    ],
    { title: 'Export as' },
  );
  return picked?.format;
}

/** Writes `sends` where the user chooses; returns the file, undefined when dismissed. */
async function exportTo(sends: readonly SendRecord[], name: string, choice: ExportChoice): Promise<vscode.Uri | undefined> {
  const format = await pickFormat(choice.format);
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    choice.uri ??
    (await vscode.window.showSaveDialog({
      title: `Export ${sends.length === 1 ? 'send' : `${sends.length} sends`} as ${format.toUpperCase()}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.${format}`) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportSends(sends, format)));
  void vscode.window.setStatusBarMessage(`Bulk Messaging: exported to ${uri.fsPath}.`, 5000);
  return uri;
}

/** Export Send…: the chosen sends (a multi-selection, else the clicked one). */
export async function exportSend(ctx: SendsCommandContext, arg?: NodeArgument, selected?: readonly unknown[], choice: ExportChoice = {}): Promise<vscode.Uri | undefined> {
  const sends = chosenSends(chosenNodes(ctx, arg, selected));
  if (sends.length === 0) {
    void vscode.window.showInformationMessage('Choose a send in the Sends view first.');
    return undefined;
  }
  return exportTo(sends, `send-${sends[0].createdAt.slice(0, 10)}`, choice);
}

/** Export History…: every stored send, newest first. */
export async function exportHistory(ctx: SendsCommandContext, choice: ExportChoice = {}): Promise<vscode.Uri | undefined> {
  await ctx.history.ready;
  const sends = ctx.history.list();
  if (sends.length === 0) {
    void vscode.window.showInformationMessage('There are no sends to export yet.');
    return undefined;
  }
  return exportTo(sends, `sends-${new Date().toISOString().slice(0, 10)}`, choice);
}
