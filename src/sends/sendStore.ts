// The sends history as one journal file per send (`<dir>/<id>.jsonl`, the core JournalFile format).
// A status change appends the changed batches, so a write costs the same whatever else is stored,
// and two windows never overwrite each other: each appends, and a whole-file rewrite happens only
// when the file is exactly as this window last read or wrote it. Other windows' changes are
// noticed by fs.watch and a directory poll. Free of `vscode`: the emitter and warnings come in.
import { promises as fs, watch, type FSWatcher, type Stats } from 'node:fs';
import * as path from 'node:path';
import { batchLine, NewerJournalError, parseJournal, serialiseJournal, writeFileAtomic } from '../core/sends/journalFile';
import { lockHolder } from '../core/sends/journalLock';
import { applyDestinationUpdates, DEFAULT_HISTORY_LIMITS, DEFAULT_MAX_HISTORY_BYTES, type DestinationUpdate, KEEP_NEWEST_SENDS, MIN_MAX_HISTORY_BYTES, newestFirst, readSendRecord } from './historySchema';
import { type ChangeEmitter, parseNewer, same, type Seen, seenOf, sendFileName, simpleEmitter } from './sendFiles';
import type { BatchRecord, SendRecord } from './sendRecord';

export { sendFileName, type ChangeEmitter } from './sendFiles';

export interface SendStoreOptions {
  /** The folder of send files (created when missing). */
  dir: string;
  warn?: (message: string) => void;
  emitterFactory?: () => ChangeEmitter<SendRecord | undefined>;
  /** How often the folder is listed for other windows' changes (default 1 s; 0: never). */
  pollMs?: number;
  /** Watch the folder with fs.watch too (default true); the poll is the fallback. */
  watch?: boolean;
  /** Byte budget of the writable files, read at each check so a settings change applies. */
  maxBytes?: () => number;
  maxSends?: number;
  /** Runs before the first read of the folder (the globalState migration). */
  beforeLoad?: () => Promise<void>;
}

interface Entry {
  record: SendRecord;
  file: string;
  seen: Seen;
  /** Bytes up to the end of the last complete line read: where a tail read starts. */
  offset: number;
  lines: number;
  /** Saved by a newer schema: listed, never written. */
  readOnly: boolean;
  /** False until this window's first write of it finished: a scan must not take it for removed. */
  onDisk: boolean;
}

/** How long a change seen by fs.watch waits before the folder is scanned. */
const WATCH_SETTLE_MS = 100;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class SendStore {
  private readonly entries = new Map<string, Entry>();
  private sorted: SendRecord[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly emitter: ChangeEmitter<SendRecord | undefined>;
  /** Fires with the send that changed (here or in another window), or undefined when sends went away. */
  readonly onDidChange: ChangeEmitter<SendRecord | undefined>['event'];
  /** Resolves when the folder has been read once. */
  readonly ready: Promise<void>;
  private readonly warn: (message: string) => void;
  /** Files already reported as unreadable or newer, with the state they were reported in. */
  private readonly reported = new Map<string, string>();
  private watcher: FSWatcher | undefined;
  private poll: NodeJS.Timeout | undefined;
  private scanQueued = false;
  private scanSoon: NodeJS.Timeout | undefined;
  /** Files this window dropped whose deletion is still queued: a scan must not read them back. */
  private readonly removing = new Set<string>();
  private disposed = false;

  constructor(private readonly options: SendStoreOptions) {
    this.emitter = options.emitterFactory?.() ?? simpleEmitter();
    this.onDidChange = this.emitter.event;
    this.warn = options.warn ?? (() => undefined);
    this.ready = this.enqueue(async () => {
      await fs.mkdir(options.dir, { recursive: true });
      await options.beforeLoad?.();
      await this.scan();
      this.startWatching();
    });
  }

  /** Every send, newest first. */
  list(): readonly SendRecord[] {
    this.sorted ??= newestFirst([...this.entries.values()].map((entry) => entry.record));
    return this.sorted;
  }

  get(id: string): SendRecord | undefined {
    return this.entries.get(sendFileName(id))?.record;
  }

  /** A send saved by a newer version: shown, never written. */
  /** The lock a send run holds (see core/sends/journalLock): beside the file, ignored by the scan. */
  lockPath(id: string): string {
    return path.join(this.options.dir, `${sendFileName(id)}.lock`);
  }

  /** True while a live process (this window's or another's) runs this send. */
  isRunning(id: string): boolean {
    return lockHolder(this.lockPath(id)) !== undefined;
  }

  isReadOnly(id: string): boolean {
    return this.entries.get(sendFileName(id))?.readOnly === true;
  }

  /** Stores a new send; resolves once its file is on disk (fsynced). */
  add(record: SendRecord): Promise<void> {
    const name = sendFileName(record.id);
    const existing = this.entries.get(name);
    if (existing) return this.update(record);
    const entry: Entry = { record, file: path.join(this.options.dir, name), seen: { ino: -1, size: 0, mtimeMs: 0 }, offset: 0, lines: 0, readOnly: false, onDisk: false };
    this.entries.set(name, entry);
    this.changed(record);
    return this.enqueue(async () => {
      await this.writeWhole(entry);
      await this.enforceLimits();
    }, true);
  }

  /** Replaces a stored send's file; does nothing when it is gone (deleted meanwhile). */
  update(record: SendRecord): Promise<void> {
    const entry = this.entries.get(sendFileName(record.id));
    if (!entry || entry.readOnly) return Promise.resolve();
    entry.record = record;
    this.changed(record);
    return this.enqueue(async () => {
      // Another window appended since this one read it: append everything instead of replacing its lines.
      if (!(await this.rewriteIfUnchanged(entry))) await this.append(entry, record.batches);
    }, true);
  }

  /** Appends the batches a send run changed, before its next network step (the engine's save). */
  saveBatches(record: SendRecord, changed: readonly BatchRecord[]): Promise<void> {
    const entry = this.entries.get(sendFileName(record.id));
    if (!entry) return this.add(record);
    if (entry.readOnly) return Promise.reject(new Error('This send was saved by a newer version of Bulk Messaging Workbench; update the extension to continue it.'));
    // The record may be an older object than the one another window's changes were read into.
    if (entry.record !== record) for (const batch of changed) entry.record.batches[batch.index] = batch;
    this.changed(entry.record);
    return this.enqueue(() => this.append(entry, changed), true);
  }

  /** Every UUID of every send but one. */
  knownUuids(exceptSendId: string): Set<string> {
    const known = new Set<string>();
    for (const { record } of this.entries.values()) {
      if (record.id === exceptSendId) continue;
      for (const batch of record.batches) for (const d of batch.destinations) if (d.uuid) known.add(d.uuid);
    }
    return known;
  }

  /** Applies status changes matched by UUID and appends only the batches that changed; returns how many destinations changed. */
  async applyDestinationUpdates(sendId: string, updates: ReadonlyMap<string, DestinationUpdate>): Promise<number> {
    await this.ready;
    const entry = this.entries.get(sendFileName(sendId));
    if (!entry || entry.readOnly || updates.size === 0) return 0;
    const changedBatches = entry.record.batches.filter((batch) => batch.destinations.some((d) => d.uuid && updates.has(d.uuid)));
    const changed = applyDestinationUpdates(entry.record, updates);
    if (changed === 0) return 0;
    this.changed(entry.record);
    await this.enqueue(() => this.append(entry, changedBatches));
    return changed;
  }

  /** Deletes one send's file; false when it was not there (or is read-only). */
  async remove(id: string): Promise<boolean> {
    await this.ready;
    const name = sendFileName(id);
    const entry = this.entries.get(name);
    if (!entry || entry.readOnly) return false;
    this.drop(name, true);
    this.changed(undefined);
    await this.enqueue(() => this.deleteFile(name, entry.file));
    return true;
  }

  /** Deletes every send this version can write; newer-schema files stay. */
  async clear(): Promise<void> {
    await this.ready;
    const gone = [...this.entries].filter(([, entry]) => !entry.readOnly);
    for (const [name] of gone) this.drop(name, true);
    this.changed(undefined);
    await this.enqueue(async () => {
      for (const [name, entry] of gone) await this.deleteFile(name, entry.file);
    });
  }

  /** Resolves when every write so far is on disk. */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Reads the folder now for other windows' changes (the watcher and the poll call this). */
  refresh(): Promise<void> {
    if (this.scanQueued) return this.flush();
    this.scanQueued = true;
    return this.enqueue(async () => {
      this.scanQueued = false;
      if (!this.disposed) await this.scan();
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.scanSoon);
    this.watcher?.close();
    clearInterval(this.poll);
    this.emitter.dispose();
  }

  // ——— I/O, always through the queue so a scan never sees this window's half-done write ———

  private enqueue<T>(task: () => Promise<T>, rethrow = false): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      this.warn(`Bulk Messaging: the sends history could not be saved (${message(error)}).`);
      if (rethrow) throw error;
      return undefined as T;
    });
  }

  private changed(record: SendRecord | undefined): void {
    this.sorted = undefined;
    if (!this.disposed) this.emitter.fire(record);
  }

  /** Forgets a send; `deleting` when this window is about to delete its file. */
  private drop(name: string, deleting = false): void {
    this.entries.delete(name);
    if (deleting) this.removing.add(name);
    this.sorted = undefined;
  }

  private async deleteFile(name: string, file: string): Promise<void> {
    try {
      await fs.rm(file, { force: true });
    } finally {
      this.removing.delete(name);
    }
  }

  private startWatching(): void {
    if (this.disposed) return;
    const pollMs = this.options.pollMs ?? 1000;
    if (pollMs > 0) {
      this.poll = setInterval(() => void this.refresh(), pollMs);
      this.poll.unref?.();
    }
    if (this.options.watch === false) return;
    try {
      // Lock files and temp files are not sends; a burst of writes (often this window's own) scans once,
      // after them, so a scan never queues in front of a send's next save.
      this.watcher = watch(this.options.dir, (_event, name) => {
        if (name && !String(name).endsWith('.jsonl')) return;
        this.scanSoon ??= setTimeout(() => {
          this.scanSoon = undefined;
          void this.refresh();
        }, WATCH_SETTLE_MS);
      });
      this.watcher.on('error', () => this.watcher?.close());
      this.watcher.unref?.();
    } catch {
      // Some file systems cannot be watched: the poll still notices changes.
    }
  }

  /** Writes the whole record atomically (a new send, or a compaction) and records what is on disk. */
  private async writeWhole(entry: Entry): Promise<void> {
    const text = serialiseJournal(entry.record);
    await writeFileAtomic(entry.file, text);
    entry.seen = seenOf(await fs.stat(entry.file));
    entry.offset = Buffer.byteLength(text);
    entry.lines = entry.record.batches.length + 1;
    entry.onDisk = true;
  }

  /** Rewrites the file only when it is as this window last saw it; false when another window changed it. */
  private async rewriteIfUnchanged(entry: Entry): Promise<boolean> {
    const st = await fs.stat(entry.file).catch(() => undefined);
    if (st && !same(seenOf(st), entry.seen)) return false;
    await this.writeWhole(entry);
    return true;
  }

  private async append(entry: Entry, batches: readonly BatchRecord[]): Promise<void> {
    if (batches.length === 0) return;
    const text = batches.map(batchLine).join('');
    let handle: fs.FileHandle;
    try {
      // No O_CREAT: a file removed meanwhile must not come back as batch lines without a header.
      handle = await fs.open(entry.file, fs.constants.O_WRONLY | fs.constants.O_APPEND);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Removed by another window while this one still writes it (a send running here): keep it.
      await this.writeWhole(entry);
      return;
    }
    let st: Stats;
    try {
      await handle.appendFile(text, 'utf8');
      await handle.sync();
      st = await handle.stat();
    } finally {
      await handle.close();
    }
    entry.lines += batches.length;
    const expected = entry.offset + Buffer.byteLength(text);
    if (st.ino === entry.seen.ino && st.size === expected) {
      entry.offset = expected;
      entry.seen = seenOf(st);
    } else {
      // Another window wrote too: leave `seen` stale so the next scan reads the tail (or the new file).
      entry.seen = { ...entry.seen, mtimeMs: -1 };
    }
    const now = await fs.stat(entry.file).catch(() => undefined);
    // Replaced by another window's compaction between open and write: the lines went to the old file.
    if (now && now.ino !== st.ino) {
      await this.writeWhole(entry);
      return;
    }
    if (entry.lines > 4 * Math.max(1, entry.record.batches.length) + 1) await this.rewriteIfUnchanged(entry);
  }

  // ——— reading the folder ———

  private async scan(): Promise<void> {
    let names: string[];
    try {
      names = (await fs.readdir(this.options.dir)).filter((name) => name.endsWith('.jsonl'));
    } catch {
      return;
    }
    const present = new Set(names);
    let removed = false;
    for (const [name, entry] of this.entries) {
      if (entry.onDisk && !present.has(name)) {
        this.drop(name);
        removed = true;
      }
    }
    for (const name of names) {
      if (this.removing.has(name)) continue;
      const file = path.join(this.options.dir, name);
      const st = await fs.stat(file).catch(() => undefined);
      if (!st) continue;
      const entry = this.entries.get(name);
      if (entry && same(seenOf(st), entry.seen)) continue;
      if (entry && !entry.readOnly && st.ino === entry.seen.ino && st.size > entry.offset && (await this.readTail(entry, st))) continue;
      await this.readWhole(name, file, st);
    }
    if (removed) this.changed(undefined);
  }

  /** Applies the lines another window appended; false when they cannot be read that way. */
  private async readTail(entry: Entry, st: Stats): Promise<boolean> {
    const handle = await fs.open(entry.file, 'r');
    let text: string;
    try {
      const buffer = Buffer.alloc(st.size - entry.offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, entry.offset);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
    // A line without its newline is still being written: it is read next time.
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    let changed = false;
    for (const line of complete.split('\n').slice(0, -1)) {
      let parsed: { t?: string; batch?: BatchRecord };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        return false;
      }
      const index = parsed.batch?.index;
      if (parsed.t !== 'batch' || !Number.isInteger(index) || !Array.isArray(parsed.batch?.destinations)) return false;
      entry.lines += 1;
      const current = entry.record.batches[index as number];
      // This window's own line (written while another window wrote too): keep the object the engine holds.
      if (current && batchLine(current) === `${line}\n`) continue;
      const read = readSendRecord({ ...entry.record, batches: [parsed.batch] });
      if (!read) return false;
      entry.record.batches[index as number] = read.batches[0];
      changed = true;
    }
    entry.offset += Buffer.byteLength(complete);
    entry.seen = { ...seenOf(st), size: entry.offset === st.size ? st.size : -1 };
    if (changed) this.changed(entry.record);
    return true;
  }

  private async readWhole(name: string, file: string, st: Stats): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return; // Removed between the listing and the read: the next scan settles it.
    }
    const signature = `${st.size}:${st.mtimeMs}`;
    const told = this.reported.get(name) === signature;
    this.reported.set(name, signature);
    let readOnly = false;
    let record: SendRecord | undefined;
    let problem = 'it is not a send record';
    try {
      record = readSendRecord(parseJournal(text));
    } catch (error) {
      problem = message(error);
      if (error instanceof NewerJournalError) {
        readOnly = true;
        record = (() => {
          try {
            return readSendRecord(parseNewer(text));
          } catch {
            return undefined;
          }
        })();
        if (record && !told) this.warn(`Bulk Messaging: a send was saved by a newer version of the extension; it is shown read-only and left as it is. Update Bulk Messaging Workbench to continue it (${file}).`);
      }
    }
    if (!record) {
      // Never deleted or rewritten: a later version, or a person, may still read it.
      if (!told) this.warn(`Bulk Messaging: a saved send could not be read (${problem}). The file was left as it is: ${file}`);
      if (this.entries.has(name)) {
        this.drop(name);
        this.changed(undefined);
      }
      return;
    }
    if (!readOnly) this.reported.delete(name);
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const entry: Entry = { record, file, seen: seenOf(st), offset: Buffer.byteLength(complete), lines: complete.split('\n').length - 1, readOnly, onDisk: true };
    this.entries.set(name, entry);
    this.changed(record);
  }

  // ——— limits ———

  /** Keeps the newest maxSends, then the byte budget: drafts of the oldest trimmed first, then the oldest deleted. */
  private async enforceLimits(): Promise<void> {
    const maxSends = this.options.maxSends ?? DEFAULT_HISTORY_LIMITS.maxSends;
    const writable = (): Entry[] => newestFirst([...this.entries.values()].map((e) => e.record)).map((r) => this.entries.get(sendFileName(r.id)) as Entry).filter((e) => !e.readOnly);
    let removed = false;
    for (const entry of writable().slice(Math.max(1, maxSends))) {
      await this.deleteEntry(entry);
      removed = true;
    }
    const maxBytes = Math.max(MIN_MAX_HISTORY_BYTES, this.options.maxBytes?.() ?? DEFAULT_MAX_HISTORY_BYTES);
    const total = (): number => writable().reduce((n, e) => n + e.seen.size, 0);
    if (total() > maxBytes) {
      for (const entry of writable().reverse()) {
        if (total() <= maxBytes) break;
        if (entry.record.draftTrimmed || entry.record.draft.destinations === '') continue;
        const before = entry.record.draft;
        entry.record.draft = { ...before, destinations: '' };
        entry.record.draftTrimmed = true;
        if (await this.rewriteIfUnchanged(entry)) this.changed(entry.record);
        else {
          entry.record.draft = before;
          delete entry.record.draftTrimmed;
        }
      }
    }
    // Still over: the oldest go, never the newest few (their UUIDs are what the user reads back).
    for (const entry of writable().slice(KEEP_NEWEST_SENDS).reverse()) {
      if (total() <= maxBytes) break;
      await this.deleteEntry(entry);
      removed = true;
    }
    if (removed) this.changed(undefined);
  }

  private async deleteEntry(entry: Entry): Promise<void> {
    const name = path.basename(entry.file);
    this.drop(name, true);
    await this.deleteFile(name, entry.file);
  }
}
