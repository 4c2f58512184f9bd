import * as vscode from 'vscode';
import type { ResultSource } from './codeActions';
import { openInComposer } from './composerLink';
import { summaryText } from './summaryText';

/** VS Code's own command that reveals the Problems panel. */
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

/**
 * Above every validated list (the top of a number-list file, a `<`-joined string, a validated
 * selection): "N valid · M invalid · K duplicates", then "Preview in Composer" and "Send…", which open
 * the composer with that list filled in.
 */
export class NumberListCodeLens implements vscode.CodeLensProvider {
  constructor(private readonly results: ResultSource, readonly onDidChangeCodeLenses: vscode.Event<void>) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.results.resultFor(document);
    if (state === undefined) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const source of state.sources) {
      const { counts } = source.analysis;
      if (counts.total === 0) continue;
      const line = state.from === 'file' ? 0 : source.origin.line;
      const range = new vscode.Range(line, 0, line, 0);
      lenses.push(
        new vscode.CodeLens(range, { title: summaryText(counts), command: SHOW_PROBLEMS, tooltip: 'Show the problems in the Problems panel' }),
        new vscode.CodeLens(range, { ...openInComposer('Preview in Composer', source.text), tooltip: 'Open the composer with this list' }),
        new vscode.CodeLens(range, { ...openInComposer('Send…', source.text, 'send'), tooltip: 'Open the composer with this list, ready to send (you confirm first)' }),
      );
    }
    return lenses;
  }
}
