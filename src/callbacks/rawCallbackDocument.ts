import * as vscode from 'vscode';
import type { CallbackInspector } from './callbackInspector';
import { RAW_CALLBACK_SCHEME } from './callbackIds';
import { type InspectedCallback, rawDocument } from './inspectedCallback';

/** Read-only JSON documents of the raw callback requests, by id. */
export class RawCallbackProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly inspector: CallbackInspector) {}

  static uriOf(callback: InspectedCallback): vscode.Uri {
    return vscode.Uri.from({ scheme: RAW_CALLBACK_SCHEME, path: `/callback-${callback.id}.json` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = Number(/callback-(\d+)\.json$/.exec(uri.path)?.[1]);
    const callback = this.inspector.get(id);
    return callback ? rawDocument(callback) : '// This callback is no longer kept (the inspector keeps the newest 2,000).\n';
  }
}

export async function openRawCallback(callback: InspectedCallback | undefined): Promise<void> {
  if (!callback) return;
  const document = await vscode.workspace.openTextDocument(RawCallbackProvider.uriOf(callback));
  await vscode.window.showTextDocument(document, { preview: true });
}
