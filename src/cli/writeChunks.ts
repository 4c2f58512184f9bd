import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes text chunks in order, waiting for `drain` so a slow pipe never buffers the whole report. */
export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}
