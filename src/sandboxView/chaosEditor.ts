import * as vscode from 'vscode';
import type { SandboxApi } from './sandboxApi';

const FILE_NAME = 'sandbox.chaos.json';

/**
 * Opens the sandbox's chaos rules as a JSON file (the contributed schema gives completion and
 * validation: the name ends in `.chaos.json`); each save applies them with `PUT /__sandbox/chaos`.
 */
export async function openChaosRules(context: vscode.ExtensionContext, api: () => SandboxApi | undefined): Promise<vscode.TextEditor | undefined> {
  const current = api();
  if (!current) return undefined;
  const uri = vscode.Uri.joinPath(context.globalStorageUri, FILE_NAME);
  await vscode.workspace.fs.createDirectory(context.globalStorageUri);
  const snapshot = await current.chaos();
  const text = JSON.stringify({ seed: snapshot.seed, rules: snapshot.rules }, null, 2) + '\n';
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  watchSaves(context, uri, api);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

let watching = false;

function watchSaves(context: vscode.ExtensionContext, uri: vscode.Uri, api: () => SandboxApi | undefined): void {
  if (watching) return;
  watching = true;
  context.subscriptions.push(
    vscode.workspace.onDidSaveTextDocument(async (document) => {
      if (document.uri.toString() !== uri.toString()) return;
      const target = api();
      if (!target) return;
      let json: unknown;
      try {
        json = JSON.parse(document.getText());
      } catch (error) {
        void vscode.window.showErrorMessage(`Chaos rules not applied: the file is not valid JSON (${(error as Error).message}).`);
        return;
      }
      try {
        const applied = await target.putChaos(json);
        void vscode.window.setStatusBarMessage(`Sandbox chaos: ${applied.rules.length} rule(s) applied, seed ${applied.seed}`, 5000);
      } catch (error) {
        void vscode.window.showErrorMessage(`Chaos rules not applied: ${(error as Error).message}. Fix the file and save again.`);
      }
    }),
  );
}
