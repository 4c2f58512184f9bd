import type * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import { normaliseDraft } from '../protocol/composerDraft';
import type { ComposerDraft } from '../protocol/composerProtocol';

/** Keeps the composer draft in globalState so it survives closing the panel and reloading the window. */
export class DraftStore {
  constructor(private readonly state: vscode.Memento) {}

  /** The saved draft as stored, possibly from an older version: read it with `openingDraft`. */
  raw(): unknown {
    return this.state.get<unknown>(StorageKeys.draft);
  }

  /** Saves every field of the draft (normalised, so nothing unexpected is stored). */
  save(draft: ComposerDraft): Thenable<void> {
    return this.state.update(StorageKeys.draft, normaliseDraft(draft));
  }
}
