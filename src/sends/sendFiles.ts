// The facts of a folder of send files that the store builds on: file names, how a file's identity
// on disk is compared, reading a newer schema's file only to list it, and a plain change emitter.
import type { Stats } from 'node:fs';

/** The file name of a send: ids are UUIDs, but first-round ids are any string. */
export const sendFileName = (id: string): string => `${encodeURIComponent(id)}.jsonl`;

/** What this window last read or wrote of a file: a file that differs was changed by another window. */
export interface Seen {
  ino: number;
  size: number;
  mtimeMs: number;
}

export const seenOf = (st: Stats): Seen => ({ ino: st.ino, size: st.size, mtimeMs: st.mtimeMs });
export const same = (a: Seen, b: Seen): boolean => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** What onDidChange needs; vscode.EventEmitter fits. */
export interface ChangeEmitter<T> {
  event: (listener: (e: T) => unknown) => { dispose(): unknown };
  fire(e: T): void;
  dispose(): void;
}

/** The emitter used when none is injected (unit tests without vscode). */
export function simpleEmitter<T>(): ChangeEmitter<T> {
  const listeners = new Set<(e: T) => unknown>();
  return {
    event: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fire: (e) => [...listeners].forEach((listener) => listener(e)),
    dispose: () => listeners.clear(),
  };
}

/** A newer schema's journal, read without its version check: only to list it. */
export function parseNewer(text: string): Record<string, unknown> {
  const lines = text.split('\n').slice(0, -1);
  const header = (JSON.parse(lines[0]) as { send: Record<string, unknown> }).send;
  const batches: unknown[] = [];
  for (const line of lines.slice(1)) {
    const parsed = JSON.parse(line) as { batch?: { index?: unknown } };
    if (typeof parsed.batch?.index === 'number') batches[parsed.batch.index] = parsed.batch;
  }
  return { ...header, batches: batches.filter((b) => b !== undefined) };
}
