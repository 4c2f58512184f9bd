import * as vscode from 'vscode';
import { chosenNodes, type NodeArgument, type SendsCommandContext } from './commandContext';
import { readMessageDetails, storedDetailsJson } from './status/readMessageDetails';

/** Documents of this scheme are read-only: VS Code offers no save for a content provider's text. */
export const MESSAGE_DETAILS_SCHEME = 'bulk-messaging-message';

/** `bulk-messaging-message:/Message/<uuid>.json`: the .json suffix gives JSON highlighting. */
export function messageDetailsUri(uuid: string): vscode.Uri {
  return vscode.Uri.from({ scheme: MESSAGE_DETAILS_SCHEME, path: `/Message/${encodeURIComponent(uuid)}.json` });
}

/** Holds the JSON of each opened message; opening one again refreshes an open document in place. */
export class MessageDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly contents = new Map<string, string>();

  set(uri: vscode.Uri, json: string): void {
    this.contents.set(uri.toString(), json);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    // After a window reload the document may be restored before anyone opened it again.
    return this.contents.get(uri.toString()) ?? '{\n  "note": "Open the message again from the Sends view to read its details."\n}\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Open Message Details: reads the message from the API (GET Message) and shows its JSON in a
 * read-only editor; when the API cannot be read, shows what the history holds and why.
 */
export async function openMessageDetails(ctx: SendsCommandContext, details: MessageDetailsProvider, arg?: NodeArgument): Promise<vscode.TextEditor | undefined> {
  const node = chosenNodes(ctx, arg).find((n) => n.kind === 'destination');
  if (node?.kind !== 'destination' || !node.destination.uuid) {
    void vscode.window.showInformationMessage('Choose a destination that has a UUID to open its message details.');
    return undefined;
  }
  const { record, destination } = node;
  const uuid = node.destination.uuid;
  const json = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading message details' }, async () => {
    try {
      const connection = await ctx.connect(record);
      if (!connection) return storedDetailsJson(destination, 'no credentials were given');
      const read = await readMessageDetails(connection, uuid);
      return 'json' in read ? read.json : storedDetailsJson(destination, read.error);
    } catch (error) {
      return storedDetailsJson(destination, error instanceof Error ? error.message : String(error));
    }
  });
  const uri = messageDetailsUri(uuid);
  details.set(uri, `${json}\n`);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: true });
}
