import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './extensionId';
import { closeAllEditors, diagnosticsOf, openCopy, useSettings, waitFor } from './fixtures/diagnostics/helpers';

/** The quick fixes offered at a position, resolved (so their edits are computed). */
async function fixesAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CodeAction[]> {
  const range = new vscode.Range(position, position);
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
}

/** Waits for the fix titled `title` (results follow edits after a debounce), then returns it. */
function fix(uri: vscode.Uri, position: vscode.Position, title: string): Promise<vscode.CodeAction> {
  return waitFor(`quick fix "${title}"`, async () => {
    const found = (await fixesAt(uri, position)).find((action) => action.title === title);
    return found?.edit !== undefined ? found : undefined;
  });
}

/** Applies a fix, checks the new text, undoes it and checks the old text is back. */
async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction, expected: string): Promise<void> {
  const before = editor.document.getText();
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true);
  assert.equal(editor.document.getText(), expected);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  await waitFor('undo', () => editor.document.getText() === before);
}

function withLines(text: string, change: (lines: string[]) => void): string {
  const lines = text.split('\n');
  change(lines);
  return lines.join('\n');
}

// Each quick fix is one WorkspaceEdit: applied, the text is what the title promised; one undo restores it.
describe('quick fixes for number problems', () => {
  let restore: () => Promise<void> = async () => undefined;
  let editor: vscode.TextEditor;
  let original: string;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    restore = await useSettings({ defaultRegion: 'US' });
    editor = await openCopy('list.txt');
    original = editor.document.getText();
    await diagnosticsOf(editor.document.uri);
  });
  after(async () => {
    await closeAllEditors();
    await restore();
  });

  const at = (line: number): vscode.Position => new vscode.Position(line, 0);

  it('normalises a national number to E.164', async () => {
    const action = await fix(editor.document.uri, at(5), 'Normalise to +16502530000');
    assert.equal(action.isPreferred, true);
    await applyAndUndo(editor, action, withLines(original, (lines) => (lines[5] = '+16502530000')));
  });

  it('normalises every number of the file to E.164 at once', async () => {
    const action = await fix(editor.document.uri, at(5), 'Normalise all 4 numbers to E.164');
    await applyAndUndo(editor, action, withLines(original, (lines) => {
      lines[2] = '+12015550141';
      lines[3] = '+12015550123';
      lines[5] = '+16502530000';
      lines[8] = '+61491570145';
    }));
  });

  it('offers both readings of ambiguous digits', async () => {
    const ours = await fix(editor.document.uri, at(3), 'Normalise to +12015550123');
    assert.ok(ours);
    const plivo = await fix(editor.document.uri, at(3), "Use Plivo's reading: +2015550123");
    await applyAndUndo(editor, plivo, withLines(original, (lines) => (lines[3] = '+2015550123')));
  });

  it('removes one duplicate line', async () => {
    const action = await fix(editor.document.uri, at(2), 'Remove this duplicate');
    await applyAndUndo(editor, action, withLines(original, (lines) => lines.splice(2, 1)));
  });

  it('removes all duplicates', async () => {
    const action = await fix(editor.document.uri, at(8), 'Remove all 2 duplicates');
    await applyAndUndo(editor, action, withLines(original, (lines) => {
      lines.splice(8, 1);
      lines.splice(2, 1);
    }));
  });

  it('removes all invalid lines', async () => {
    const action = await fix(editor.document.uri, at(1), 'Remove all 2 invalid lines');
    await applyAndUndo(editor, action, withLines(original, (lines) => {
      lines.splice(6, 1);
      lines.splice(1, 1);
    }));
  });

  it('inside a JSON string, removes a number with one `<`', async () => {
    const json = await openCopy('request.json');
    const uri = json.document.uri;
    const diagnostics = await diagnosticsOf(uri);
    const text = json.document.getText();
    const invalid = diagnostics.find((d) => d.code === 'invalid-number');
    const duplicate = diagnostics.find((d) => d.code === 'duplicate');
    assert.ok(invalid && duplicate);
    await applyAndUndo(json, await fix(uri, invalid.range.start, 'Remove the invalid number'), text.replace('<+1201555<', '<'));
    await applyAndUndo(json, await fix(uri, duplicate.range.start, 'Remove this duplicate'), text.replace('<+1201555<+12015550101"', '<+1201555"'));
  });

  it('offers E.164 on a number written with spaces even without a problem', async () => {
    const csv = await openCopy('contacts.csv');
    await diagnosticsOf(csv.document.uri);
    const line = csv.document.lineAt(2).text;
    const action = await fix(csv.document.uri, new vscode.Position(2, line.indexOf('+61') + 2), 'Normalise to +61491570120');
    await applyAndUndo(csv, action, csv.document.getText().replace('+61 491 570 120', '+61491570120'));
  });
});
