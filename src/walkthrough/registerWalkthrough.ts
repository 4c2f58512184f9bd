import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { SendHistory } from '../sends/historyStore';

/** The walkthrough in package.json (`contributes.walkthroughs`), as VS Code names it. */
export const WALKTHROUGH_ID = 'bulk-messaging-workbench.bulk-messaging-workbench#firstSend';
/** Set once a send of this machine had a destination accepted: completes the walkthrough's send step. */
export const HAS_SENT_CONTEXT = 'bulkMessaging.hasSent';

/**
 * First steps: "Open a Sample List" (a small CSV with a few typical mistakes, as an untitled
 * document so nothing is written anywhere), "Get Started" (the walkthrough), and the context key
 * that completes the walkthrough's send step.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, history: SendHistory): void {
  // Set once: every history change asking the workbench again would be a round trip for nothing.
  let told = false;
  const markSent = () => {
    if (told) return;
    told = history.list().some((record) => record.batches.some((batch) => batch.destinations.some((d) => d.result === 'accepted')));
    if (told) void vscode.commands.executeCommand('setContext', HAS_SENT_CONTEXT, true);
  };
  void history.ready.then(markSent, () => undefined);
  context.subscriptions.push(
    history.onDidChange(markSent),
    vscode.commands.registerCommand(Commands.openSample, async () => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'sample-list.csv'));
      const document = await vscode.workspace.openTextDocument({ language: 'csv', content: new TextDecoder().decode(bytes) });
      await vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand(Commands.walkthrough, () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)),
  );
}
