import * as vscode from 'vscode';
import { readListFile } from './readListFile';

/** Text to put in the destinations box, or a message saying why there is none. */
export type Loaded = { ok: true; text: string; note: string } | { ok: false; message: string; level: 'info' | 'error' };

/** Asks for a file and reads it (size checked first; see readListFile). */
export async function loadFromFile(): Promise<Loaded> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Load Destinations',
    title: 'Load destinations from a file',
    filters: { 'Number lists': ['txt', 'csv', 'tsv', 'lst'], 'All files': ['*'] },
  });
  const uri = picked?.[0];
  if (!uri) return { ok: false, level: 'info', message: 'No file chosen; the destinations are unchanged.' };
  const name = uri.path.split('/').pop() ?? uri.toString();
  const read = await readListFile(name, { stat: () => vscode.workspace.fs.stat(uri), readFile: () => vscode.workspace.fs.readFile(uri) });
  return read.ok ? read : { ok: false, level: 'error', message: read.message };
}

/**
 * The selection of the editor the user last worked in, or its whole document when nothing is
 * selected. The composer has focus when its button is clicked, so the active editor is remembered.
 */
export function loadFromEditor(editor: vscode.TextEditor | undefined): Loaded {
  if (!editor) {
    return { ok: false, level: 'info', message: 'No text editor is open: open a file with numbers (or select some), then try again.' };
  }
  const selected = editor.selections.filter((selection) => !selection.isEmpty);
  const name = editor.document.uri.path.split('/').pop() ?? 'the editor';
  if (selected.length > 0) {
    const text = selected.map((selection) => editor.document.getText(selection)).join('\n');
    return { ok: true, text, note: `Loaded the selection from ${name}.` };
  }
  return { ok: true, text: editor.document.getText(), note: `Loaded all of ${name} (nothing was selected).` };
}
