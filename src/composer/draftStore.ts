import type * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import { normaliseDraft } from '../protocol/composerDraft';
import type { ComposerDraft } from '../protocol/composerProtocol';

/** Keeps the composer draft in globalState so it survives closing the panel and reloading the window. */
export class DraftStore {
  constructor(private readonly state: vscode.Memento) {}

  /** The saved draft as stored (read it with `openingDraft`/`normaliseDraft`). */
  raw(): unknown {
    return this.state.get<unknown>(StorageKeys.draft);
  }

  /** The saved draft, every field readable (missing or damaged fields take their empty value). */
  load(): ComposerDraft {
    return normaliseDraft(this.raw());
  }

  save(draft: ComposerDraft): Thenable<void> {
    return this.state.update(StorageKeys.draft, normaliseDraft(draft));
  }
}
