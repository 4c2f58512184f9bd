import * as vscode from 'vscode';

/** Activation is wiring only: every feature registers itself and owns its disposables. */
export function activate(_context: vscode.ExtensionContext): void {
  // Features are registered here as they land.
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}
