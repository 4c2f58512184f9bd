import type * as vscode from 'vscode';
import { registerComposer } from './composer/registerComposer';

/** Activation is wiring only: every feature registers itself and owns its disposables. */
export function activate(context: vscode.ExtensionContext): void {
  registerComposer(context);
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}
