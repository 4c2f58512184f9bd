import type { ComposerDraft } from '../../protocol/composerProtocol';

/** Draft changes reach the host after this pause in typing (it re-analyses the destinations). */
const DRAFT_DEBOUNCE_MS = 250;

/**
 * Numbers every change to the form and posts the draft to the host once typing pauses (or at once
 * when asked). Requests that depend on the text the host holds carry `posted`.
 */
export class DraftSync {
  private revision = 0;
  private postedRevision = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly read: () => ComposerDraft,
    private readonly post: (revision: number, draft: ComposerDraft) => void,
  ) {}

  /** The revision the host has (or is about to have). */
  get posted(): number {
    return this.postedRevision;
  }

  /** A field changed: post the draft once typing pauses. */
  changed(): void {
    this.revision += 1;
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = setTimeout(() => this.flush(), DRAFT_DEBOUNCE_MS);
  }

  /** A change that should reach the host at once (a choice, a replaced list). */
  changedNow(): void {
    this.changed();
    this.flush();
  }

  /** Posts the draft now if a change is waiting. */
  flush(): void {
    if (this.pending === undefined) return;
    clearTimeout(this.pending);
    this.pending = undefined;
    this.postedRevision = this.revision;
    this.post(this.revision, this.read());
  }

  /** The host started a new session from the draft it sent (init): numbering starts again. */
  reset(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = undefined;
    this.revision = 0;
    this.postedRevision = 0;
  }
}
