import * as vscode from 'vscode';
import { Commands } from '../constants';
import { LocalSandbox } from './localSandbox';

/** Creates the lazily started Local sandbox and its command; stopped when the extension deactivates. */
export function registerSandbox(context: vscode.ExtensionContext, output: vscode.OutputChannel): LocalSandbox {
  const sandbox = new LocalSandbox(output);
  context.subscriptions.push(sandbox, vscode.commands.registerCommand(Commands.showSandbox, () => showSandbox(sandbox, output)));
  return sandbox;
}

/**
 * Bulk Messaging: Show Local Sandbox — starts it if needed, shows its URL and auth ID in the output
 * channel (with its request log below) and offers to copy the token. The token is the sandbox's own,
 * useless anywhere else, but it still stays out of the log.
 */
async function showSandbox(sandbox: LocalSandbox, output: vscode.OutputChannel): Promise<void> {
  const endpoint = await sandbox.ensureStarted();
  output.appendLine(`Sandbox base URL: ${endpoint.baseUrl}   auth ID: ${endpoint.authId}`);
  output.appendLine(`Official SDK: new plivo.Client(authId, authToken, { url: '${endpoint.baseUrl}/v1/Account/${endpoint.authId}' })`);
  output.show(true);
  const choice = await vscode.window.showInformationMessage(
    `Local sandbox at ${endpoint.baseUrl} (auth ID ${endpoint.authId}).`,
    'Copy URL',
    'Copy Auth ID',
    'Copy Auth Token',
  );
  if (choice === 'Copy URL') await vscode.env.clipboard.writeText(endpoint.baseUrl);
  if (choice === 'Copy Auth ID') await vscode.env.clipboard.writeText(endpoint.authId);
  if (choice === 'Copy Auth Token') await vscode.env.clipboard.writeText(endpoint.authToken);
}
