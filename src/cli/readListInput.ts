import { open } from 'node:fs/promises';

/** The largest list `check` reads; bigger files are refused before they are read. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** A problem with the input that the user must fix; its message is shown as is. */
export class InputError extends Error {}

/**
 * Reads a number list from a file, or from stdin for `-`, as UTF-8 text. Refuses, with a message
 * that says what to do, anything over 10 MB, binary or non-UTF-8 content, and empty input.
 */
export async function readListInput(source: string): Promise<string> {
  const name = source === '-' ? 'stdin' : source;
  const bytes = source === '-' ? await readStdin() : await readFileLimited(source);
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`${name} is larger than 10 MB; split the list into smaller files.`);
  }
  return decode(bytes, name);
}

async function readFileLimited(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputError(`Cannot read ${path}: ${describeFsError(error)}.`);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputError(`${path} is a directory; give a file (or - for stdin).`);
    if (stats.size > MAX_INPUT_BYTES) {
      throw new InputError(`${path} is larger than 10 MB (${(stats.size / 1024 / 1024).toFixed(1)} MB); split the list into smaller files.`);
    }
    return await handle.readFile();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Cannot read ${path}: ${describeFsError(error)}.`);
  } finally {
    await handle.close();
  }
}

/** Reads stdin but stops once it is past the limit, so a runaway pipe cannot exhaust memory. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) {
      process.stdin.destroy();
      break;
    }
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Buffer, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name} is empty; give a list of phone numbers.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${name} is UTF-16 text; save it as UTF-8 and try again.`);
  }
  if (bytes.includes(0)) throw new InputError(`${name} looks like a binary file (it contains NUL bytes); give a text list of phone numbers.`);
  let text: string;
  try {
    // `fatal` makes invalid UTF-8 an error instead of silently turning it into U+FFFD; a BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text; save it as UTF-8 and try again.`);
  }
  if (text.trim() === '') throw new InputError(`${name} is empty (only whitespace); give a list of phone numbers.`);
  return text;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
