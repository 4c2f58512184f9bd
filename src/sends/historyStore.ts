// The sends history the extension opens: the file store (sendStore.ts), after moving a first-round
// history out of globalState into one file per send. Only `vscode` types here, so it is unit-tested.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import { serialiseJournal, writeFileAtomic } from '../core/sends/journalFile';
import { readStoredHistory } from './historySchema';
import { sendFileName, SendStore, type SendStoreOptions } from './sendStore';

export type { DestinationUpdate } from './historySchema';

/** The setting (under `bulkMessaging`) that bounds the send files' total size, in bytes. */
export const MAX_BYTES_SETTING = 'history.maxBytes';

/** Where the globalState history goes once its sends are in files: kept, not deleted, so nothing is lost. */
export const MIGRATED_HISTORY_KEY = `${StorageKeys.history}.migrated`;

/** The value kept under MIGRATED_HISTORY_KEY. */
export interface MigratedHistory {
  savedAt: string;
  value: unknown;
}

/**
 * Writes each send of a globalState history to its own file, then moves the value aside. A value
 * that cannot be read (a newer schema) is left where it is, with a notice.
 */
export async function migrateGlobalStateHistory(state: vscode.Memento, dir: string, warn: (message: string) => void): Promise<void> {
  const raw = state.get<unknown>(StorageKeys.history);
  if (raw === undefined) return;
  const read = readStoredHistory(raw);
  if (!read.ok) {
    warn(`Bulk Messaging: the saved sends history could not be moved to the new storage (${read.reason}). It was left as it is; new sends are kept separately.`);
    return;
  }
  await fs.mkdir(dir, { recursive: true });
  for (const record of read.sends) {
    const file = path.join(dir, sendFileName(record.id));
    // Already moved (another window, or a start that stopped midway): that file may have newer lines.
    if (await fs.stat(file).then(() => true, () => false)) continue;
    await writeFileAtomic(file, serialiseJournal(record));
  }
  if (read.unreadable.length > 0) {
    warn(`Bulk Messaging: ${read.unreadable.length} saved send(s) could not be read. They are kept in the backup of the old history, not deleted.`);
  }
  await state.update(MIGRATED_HISTORY_KEY, { savedAt: new Date().toISOString(), value: raw } satisfies MigratedHistory);
  await state.update(StorageKeys.history, undefined);
}

export interface SendHistoryOptions extends Omit<SendStoreOptions, 'beforeLoad'> {
  /** globalState: a first-round history there is moved into the folder before it is read. */
  legacyState?: vscode.Memento;
}

/** The sends history: one file per send in `dir`, other windows' changes noticed. */
export class SendHistory extends SendStore {
  constructor(options: SendHistoryOptions) {
    const { legacyState, ...rest } = options;
    const warn = options.warn ?? (() => undefined);
    super({ ...rest, beforeLoad: legacyState ? () => migrateGlobalStateHistory(legacyState, options.dir, warn) : undefined });
  }
}
