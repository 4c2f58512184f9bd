// Reads a number-list file for the composer's Load from file, without the `vscode` API (the caller
// passes the workspace file system), so the size and encoding rules are testable in plain node.
import { decodeListText, encodingName } from '../core/input/decodeListText';
import { MAX_DESTINATIONS_TEXT } from '../protocol/destinationsLimit';

/** Bytes a file may have: UTF-8 takes up to two bytes per character of a list (and UTF-16 two). */
export const MAX_LIST_FILE_BYTES = MAX_DESTINATIONS_TEXT * 2;

/** The two calls of `vscode.workspace.fs` this needs. */
export interface ListFileSystem {
  stat(): Thenable<{ size: number }>;
  readFile(): Thenable<Uint8Array>;
}

export type ListFileResult = { ok: true; text: string; note: string } | { ok: false; message: string };

const UNCHANGED = 'The destinations are unchanged.';

/**
 * The file's text, or why it was refused. The size is checked before reading, so a huge file is never
 * loaded into memory; the text is UTF-8 (a BOM dropped) or UTF-16 with a BOM (Excel's Unicode text).
 */
export async function readListFile(name: string, fs: ListFileSystem): Promise<ListFileResult> {
  let bytes: Uint8Array;
  try {
    const { size } = await fs.stat();
    if (size > MAX_LIST_FILE_BYTES) return tooLarge(name, formatBytes(size));
    bytes = await fs.readFile();
  } catch (error) {
    return { ok: false, message: `Could not read ${name}: ${error instanceof Error ? error.message : String(error)}. ${UNCHANGED}` };
  }
  // The file may have grown since it was measured.
  if (bytes.length > MAX_LIST_FILE_BYTES) return tooLarge(name, formatBytes(bytes.length));
  const decoded = decodeListText(bytes);
  if (!decoded.ok) {
    switch (decoded.problem) {
      case 'empty':
        return { ok: false, message: `${name} is empty. ${UNCHANGED}` };
      case 'binary':
        return { ok: false, message: `${name} looks like a binary file. Export the numbers as text or CSV and load that. ${UNCHANGED}` };
      case 'encoding':
        return { ok: false, message: `${name} is not valid ${encodingName(decoded.encoding)} text. Save it as UTF-8 (or Unicode text) and load it again. ${UNCHANGED}` };
    }
  }
  if (decoded.text.length > MAX_DESTINATIONS_TEXT) return tooLarge(name, `${decoded.text.length.toLocaleString('en-US')} characters`);
  const encoding = decoded.encoding === 'utf-8' ? '' : ` (${encodingName(decoded.encoding)})`;
  return { ok: true, text: decoded.text, note: `Loaded ${name}${encoding}.` };
}

function tooLarge(name: string, size: string): ListFileResult {
  return {
    ok: false,
    message: `${name} is ${size}; the composer reads up to ${MAX_DESTINATIONS_TEXT.toLocaleString('en-US')} characters (about 100,000 numbers). Split the file and load one part at a time, or check it with the bulk-messaging CLI. ${UNCHANGED}`,
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}
