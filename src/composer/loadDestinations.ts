import * as vscode from 'vscode';
import { MAX_DESTINATIONS_TEXT } from './destinationSession';

/** Text to put in the destinations box, or a message saying why there is none. */
export type Loaded = { ok: true; text: string; note: string } | { ok: false; message: string; level: 'info' | 'error' };

/** Asks for a file and reads it as UTF-8 text (a BOM is dropped; binary and oversized files refused). */
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
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return { ok: false, level: 'error', message: `Could not read ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (bytes.length > MAX_DESTINATIONS_TEXT * 2) {
    return { ok: false, level: 'error', message: `${name} is ${formatBytes(bytes.length)}; the composer reads up to ${formatBytes(MAX_DESTINATIONS_TEXT)}. Split the file and load one part at a time.` };
  }
  if (bytes.includes(0)) {
    return { ok: false, level: 'error', message: `${name} looks like a binary file. Export the numbers as text or CSV and load that.` };
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return { ok: true, text, note: `Loaded ${name}.` };
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

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}
