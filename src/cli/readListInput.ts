import { open, type FileHandle } from 'node:fs/promises';
import { decodeListText, encodingName } from '../core/input/decodeListText';

/** The largest list `check` reads; past it reading stops and the input is refused. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
const LIMIT_TEXT = '10 MB';

/** A problem with the input that the user must fix; its message is shown as is. */
export class InputError extends Error {}

/**
 * Reads a number list from a file, a FIFO, a device or a pipe (`<(…)`), or from stdin for `-`, and
 * decodes it (UTF-8, or UTF-16 with a BOM). Refuses, with a message that says what to do, anything
 * over 10 MB, binary or undecodable content, and empty input.
 */
export async function readListInput(source: string, limit = MAX_INPUT_BYTES): Promise<string> {
  const name = source === '-' ? 'stdin' : source;
  const bytes = source === '-' ? await readBounded(process.stdin, name, limit) : await readFileBounded(source, limit);
  const decoded = decodeListText(bytes);
  if (decoded.ok) return decoded.text;
  const encoding = encodingName(decoded.encoding);
  switch (decoded.problem) {
    case 'empty':
      throw new InputError(bytes.length === 0 ? `${name} is empty; give a list of phone numbers.` : `${name} is empty (only whitespace); give a list of phone numbers.`);
    case 'binary':
      throw new InputError(`${name} looks like a binary file (it contains NUL bytes); give a text list of phone numbers.`);
    case 'encoding':
      throw new InputError(`${name} is not valid ${encoding} text; save it as UTF-8 and try again.`);
  }
}

/**
 * A regular file's size is known up front and refused at once; anything else (pipe, FIFO, device)
 * reports size 0, so every source is also read with a running count.
 */
async function readFileBounded(path: string, limit: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputError(`Cannot read ${path}: ${describeFsError(error)}.`);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputError(`${path} is a directory; give a file (or - for stdin).`);
    if (stats.isFile() && stats.size > limit) {
      throw new InputError(`${path} is larger than ${LIMIT_TEXT} (${(stats.size / 1024 / 1024).toFixed(1)} MB); split the list into smaller files.`);
    }
    // autoClose off: the finally below closes the handle once, whichever way reading ended.
    return await readBounded(handle.createReadStream({ autoClose: false }), path, limit);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Cannot read ${path}: ${describeFsError(error)}.`);
  } finally {
    await handle.close();
  }
}

/** Reads a stream but stops as soon as it is past the limit, so an endless source cannot exhaust memory. */
async function readBounded(stream: NodeJS.ReadableStream & { destroy(): void }, name: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw new InputError(`${name} is larger than ${LIMIT_TEXT} (reading stopped there); split the list into smaller files.`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
