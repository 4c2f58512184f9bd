import * as vscode from 'vscode';
import { Commands } from '../constants';
import { EmbeddedSandbox } from './embeddedSandbox';
import { showSandbox } from './showSandbox';

/** Creates the lazily started Local sandbox and its command; stopped when the extension deactivates. */
export function registerSandbox(context: vscode.ExtensionContext, output: vscode.OutputChannel): EmbeddedSandbox {
  const sandbox = new EmbeddedSandbox(output);
  context.subscriptions.push(sandbox, vscode.commands.registerCommand(Commands.showSandbox, () => showSandbox(sandbox, output)));
  return sandbox;
}
