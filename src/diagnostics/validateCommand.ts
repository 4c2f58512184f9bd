import * as vscode from 'vscode';
import { countsOf, type DocumentState } from './documentState';
import type { DocumentValidator } from './documentValidator';
import { openInComposer } from './composerLink';
import { SizeNotice } from './sizeNotice';
import { summaryText } from './summaryText';

/** What the command resolves with (tests and other commands read it). */
export type ValidateResult =
  | { kind: 'validated'; valid: number; invalid: number; duplicates: number; problems: number; summary: string }
  | { kind: 'tooLarge'; size: number; limit: number }
  | { kind: 'noEditor' }
  | { kind: 'changed' };

const SHOW_PROBLEMS = 'Show Problems';
const PREVIEW = 'Preview in Composer';

/**
 * `Bulk Messaging: Validate Numbers in File/Selection`: validates the selection (once), or the whole
 * active file as a number list (and keeps it validated until it is closed), whatever it looks like.
 * Also takes a file `uri` (explorer context menu). Answers with a short summary.
 */
export async function validateNumbers(validator: DocumentValidator, uri?: unknown): Promise<ValidateResult> {
  let editor = vscode.window.activeTextEditor;
  // From the explorer: that file, whole. From the editor's own menu the uri is the active file: keep its selection.
  const otherFile = uri instanceof vscode.Uri && editor?.document.uri.toString() !== uri.toString();
  if (otherFile) editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  if (editor === undefined) {
    void vscode.window.showInformationMessage('Open a file with phone numbers (or select some), then run "Validate Numbers" again.');
    return { kind: 'noEditor' };
  }
  const document = editor.document;
  const selections = otherFile ? [] : editor.selections.filter((selection) => !selection.isEmpty);
  const state = await validator.validateNow(document, selections);
  return report(document, selections.length > 0, state);
}

function report(document: vscode.TextDocument, selection: boolean, state: DocumentState | undefined): ValidateResult {
  if (state?.kind === 'tooLarge') {
    void SizeNotice.show(document.uri, state.size, state.limit);
    return { kind: 'tooLarge', size: state.size, limit: state.limit };
  }
  if (state?.kind !== 'validated') {
    // The document changed while it was being validated; the next validation follows the edit.
    void vscode.window.showInformationMessage('The file changed while it was being checked; its numbers are checked again after the edit.');
    return { kind: 'changed' };
  }
  const counts = countsOf(state);
  const summary = summaryText(counts);
  const name = document.uri.path.split('/').pop() ?? 'File';
  const where = selection ? `Selection in ${name}` : name;
  const list = state.sources.map((source) => source.text).join('\n');
  void vscode.window.showInformationMessage(`${where}: ${summary}.`, SHOW_PROBLEMS, PREVIEW).then(async (choice) => {
    if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice === PREVIEW) {
      const command = openInComposer(PREVIEW, list);
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    }
  });
  return { kind: 'validated', valid: counts.valid, invalid: counts.invalid, duplicates: counts.duplicate, problems: state.problemsTotal, summary };
}
