// Turns the bytes of a number-list file into text. Shared by the CLI and the composer's Load from
// file, so both read the same files: UTF-8 (a BOM dropped) and UTF-16 with a BOM, which is what
// Excel's "Unicode text" export writes.

export type ListEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What went wrong, for the caller to word: the CLI and the composer say what to do differently. */
export type ListDecodeProblem =
  /** Nothing at all, or only whitespace. */
  | 'empty'
  /** NUL characters: not a text list. */
  | 'binary'
  /** Bytes that are not valid in the encoding the file declares (or UTF-8 when it declares none). */
  | 'encoding';

export type DecodedList =
  | { ok: true; text: string; encoding: ListEncoding }
  | { ok: false; problem: ListDecodeProblem; encoding: ListEncoding };

/** The encoding a byte-order mark declares (UTF-8 when there is none). */
export function detectListEncoding(bytes: Uint8Array): { encoding: ListEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * Decodes a list strictly: an invalid byte sequence is a problem to report, never a silent U+FFFD
 * that would later read as "not a phone number".
 */
export function decodeListText(bytes: Uint8Array): DecodedList {
  const { encoding, bomLength } = detectListEncoding(bytes);
  const body = bytes.subarray(bomLength);
  // UTF-16 text is full of zero bytes, so the binary check for it runs on the decoded characters.
  if (encoding === 'utf-8' && body.includes(0)) return { ok: false, problem: 'binary', encoding };
  let text: string;
  try {
    // ignoreBOM: the mark was already skipped; a second one is the text's own character.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { ok: false, problem: 'encoding', encoding };
  }
  if (text.includes('\u0000')) return { ok: false, problem: 'binary', encoding };
  if (text.trim() === '') return { ok: false, problem: 'empty', encoding };
  return { ok: true, text, encoding };
}

/** How an encoding is named to a user. */
export function encodingName(encoding: ListEncoding): string {
  return encoding === 'utf-8' ? 'UTF-8' : encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
}
