import * as vscode from 'vscode';
import { Commands } from '../constants';
import { NumberListCodeActions } from './codeActions';
import { NumberListCodeLens } from './codeLens';
import { DocumentValidator } from './documentValidator';
import { validateNumbers } from './validateCommand';

/** Where the providers apply: real files and unsaved ones (the validator decides which are lists). */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

/** Number validation in open files: diagnostics, quick fixes, CodeLens and the Validate command. */
export function registerDiagnostics(context: vscode.ExtensionContext): void {
  const validator = new DocumentValidator();
  const lensesChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    validator,
    lensesChanged,
    validator.onDidChangeState(() => lensesChanged.fire()),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new NumberListCodeActions(validator), NumberListCodeActions.metadata),
    vscode.languages.registerCodeLensProvider(SELECTOR, new NumberListCodeLens(validator, lensesChanged.event)),
    vscode.commands.registerCommand(Commands.validateNumbers, (uri?: unknown) => validateNumbers(validator, uri)),
  );
}
