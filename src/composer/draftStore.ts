import type * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import { emptyDraft, type ComposerDraft } from '../protocol/composerProtocol';

/** Keeps the composer draft in globalState so it survives closing the panel and reloading the window. */
export class DraftStore {
  constructor(private readonly state: vscode.Memento) {}

  load(): ComposerDraft {
    const stored = this.state.get<Partial<ComposerDraft>>(StorageKeys.draft);
    // Merge over the empty draft so a draft saved by an older version still has every field.
    return { ...emptyDraft, ...stored, sender: { ...emptyDraft.sender, ...stored?.sender } };
  }

  save(draft: ComposerDraft): Thenable<void> {
    return this.state.update(StorageKeys.draft, draft);
  }
}
