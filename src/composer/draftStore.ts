import type * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import { normaliseDraft } from '../protocol/composerDraft';
import type { ComposerDraft } from '../protocol/composerProtocol';
import { MAX_DESTINATIONS_TEXT } from './destinationSession';

/** Keeps the composer draft in globalState so it survives closing the panel and reloading the window. */
export class DraftStore {
  constructor(private readonly state: vscode.Memento) {}

  /** The saved draft as stored, possibly from an older version: read it with `openingDraft`. */
  raw(): unknown {
    return this.state.get<unknown>(StorageKeys.draft);
  }

  /**
   * Saves every field of the draft (normalised, so nothing unexpected is stored). A destinations
   * text over the composer's limit is refused anyway, so the last storable list is kept instead of
   * writing megabytes to globalState on every keystroke.
   */
  save(draft: ComposerDraft): Thenable<void> {
    const normalised = normaliseDraft(draft);
    if (normalised.destinations.length > MAX_DESTINATIONS_TEXT) {
      const previous = normaliseDraft(this.raw());
      normalised.destinations = previous.destinations.length <= MAX_DESTINATIONS_TEXT ? previous.destinations : '';
    }
    return this.state.update(StorageKeys.draft, normalised);
  }
}
