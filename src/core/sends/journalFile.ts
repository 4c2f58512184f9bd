// A send journal on disk: one JSON line for the send, then one line per batch state. A state change
// appends the changed batch and fsyncs, so a save costs the same for batch 1 and batch 100 and
// whatever else is stored; a reader keeps the last line of each batch. A line cut off by a crash
// is the save that never finished, so the network step after it never happened either: it is
// dropped. Opening rewrites the file compactly (temp file + fsync + rename).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { JOURNAL_SCHEMA_VERSION, type JournalBatch, type SendJournal } from './journal';

type HeaderLine<J> = { t: 'send'; send: Omit<J, 'batches'> };
type BatchLine = { t: 'batch'; batch: JournalBatch };
/** A batch going in flight: only the fields that change, laid over its last line. */
type StartLine = { t: 'start'; index: number; startedAt?: string; attempts: number };

function startLine(batch: JournalBatch): StartLine {
  return { t: 'start', index: batch.index, startedAt: batch.startedAt, attempts: batch.attempts };
}

/** The file's contents could not be read as a journal; nothing was changed. */
export class JournalReadError extends Error {
  override readonly name = 'JournalReadError';
}

/** Written by a newer version: it is read but never written. */
export class NewerJournalError extends JournalReadError {}

/** Parses a journal file's text. Throws JournalReadError when it is not one. */
export function parseJournal<J extends SendJournal>(text: string): J {
  const lines = text.split('\n');
  // The last element is '' after a complete final line; anything else there was cut off mid-write.
  const complete = lines.slice(0, -1);
  if (complete.length === 0) throw new JournalReadError('the file is empty or was cut off before its first line');
  let journal: J | undefined;
  for (const [i, line] of complete.entries()) {
    let parsed: HeaderLine<J> | BatchLine | StartLine;
    try {
      parsed = JSON.parse(line) as HeaderLine<J> | BatchLine | StartLine;
    } catch {
      throw new JournalReadError(`line ${i + 1} is not JSON`);
    }
    if (i === 0) {
      if (parsed?.t !== 'send' || typeof parsed.send !== 'object' || parsed.send === null) throw new JournalReadError('the first line is not a send');
      const version = (parsed.send as { schemaVersion?: unknown }).schemaVersion;
      if (typeof version === 'number' && version > JOURNAL_SCHEMA_VERSION) {
        throw new NewerJournalError(`it was written by a newer version (schema ${version}); update Bulk Messaging Workbench to continue it`);
      }
      if (version !== JOURNAL_SCHEMA_VERSION) throw new JournalReadError(`unknown schema version ${String(version)}`);
      journal = { ...parsed.send, batches: [] } as unknown as J;
      continue;
    }
    if (parsed?.t === 'start') {
      const batch = (journal as J).batches[parsed.index];
      if (!batch) throw new JournalReadError(`line ${i + 1} starts batch ${parsed.index + 1}, which has no line before it`);
      Object.assign(batch, { state: 'in-flight', startedAt: parsed.startedAt, attempts: parsed.attempts });
      continue;
    }
    if (parsed?.t !== 'batch' || !Number.isInteger(parsed.batch?.index) || !Array.isArray(parsed.batch.destinations)) {
      throw new JournalReadError(`line ${i + 1} is not a batch`);
    }
    (journal as J).batches[parsed.batch.index] = parsed.batch as J['batches'][number];
  }
  const batches = (journal as J).batches;
  for (let i = 0; i < batches.length; i++) if (!batches[i]) throw new JournalReadError(`batch ${i + 1} is missing`);
  return journal as J;
}

/** One batch's line, as appended on each change. */
export function batchLine(batch: JournalBatch): string {
  return `${JSON.stringify({ t: 'batch', batch } satisfies BatchLine)}\n`;
}

/** The file's text for `journal`: its send line and one line per batch. */
export function serialiseJournal<J extends SendJournal>(journal: J): string {
  const { batches, ...send } = journal;
  return `${JSON.stringify({ t: 'send', send } satisfies HeaderLine<J>)}\n${batches.map(batchLine).join('')}`;
}

/** Writes `text` to `file` so that a reader sees the old or the new contents, never a mix. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; some file systems (and Windows) refuse to open a directory.
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the data is already fsynced.
  }
}

/** An open journal file that appends each save. */
export class JournalFile<J extends SendJournal = SendJournal> {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly handle: fs.FileHandle,
  ) {}

  /** Writes the whole journal (a new file, or a compacted one) and opens it for appending. */
  static async write<J extends SendJournal>(file: string, journal: J): Promise<JournalFile<J>> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, serialiseJournal(journal));
    return new JournalFile<J>(file, await fs.open(file, 'a'));
  }

  /** Reads a journal; throws JournalReadError (or the fs error, e.g. ENOENT) when it cannot. */
  static async read<J extends SendJournal>(file: string): Promise<J> {
    return parseJournal<J>(await fs.readFile(file, 'utf8'));
  }

  /** Appends the changed batches (`started` as a short line) and waits until they are on disk. */
  save(_journal: J, changed: readonly JournalBatch[], started?: JournalBatch): Promise<void> {
    const text = changed.map((batch) => (batch === started ? `${JSON.stringify(startLine(batch))}\n` : batchLine(batch))).join('');
    const write = this.writes.then(async () => {
      await this.handle.appendFile(text, 'utf8');
      await this.handle.sync();
    });
    // One failed write must not block later ones; the caller still sees this one's error.
    this.writes = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.writes;
    await this.handle.close();
  }
}
