import { byId } from '../dom';

/**
 * Replaces the destinations box's text as one edit the user can undo with Ctrl+Z. Chromium's
 * `insertText` command is the only way to keep a textarea's native undo stack; if it is refused,
 * the value is set directly and the Undo button (always offered) is the way back.
 */
export class DestinationsEditor {
  private previous: string | undefined;
  private applying = false;
  private readonly box = byId<HTMLTextAreaElement>('destinations');
  private readonly undoButton = byId<HTMLButtonElement>('undo-destinations');

  constructor(private readonly changed: () => void) {
    this.undoButton.addEventListener('click', () => this.undo());
  }

  /** True while this class is writing the box (its input events are not the user's typing). */
  get isApplying(): boolean {
    return this.applying;
  }

  /** Replaces the whole text, remembering the old one for the Undo button. */
  replace(text: string): void {
    const before = this.box.value;
    if (before === text) return;
    this.write(text);
    this.previous = before;
    this.undoButton.hidden = false;
  }

  /** The user typed: the remembered text would now undo their typing too, so forget it. */
  userEdited(): void {
    this.previous = undefined;
    this.undoButton.hidden = true;
  }

  private undo(): void {
    if (this.previous === undefined) return;
    this.write(this.previous);
    this.previous = undefined;
    this.undoButton.hidden = true;
    this.box.focus();
  }

  private write(text: string): void {
    this.applying = true;
    try {
      this.box.focus();
      this.box.select();
      // execCommand is deprecated but still the only undo-preserving edit; it fires 'input' itself.
      const done = document.execCommand('insertText', false, text);
      if (!done || this.box.value !== text) this.box.value = text;
      this.box.setSelectionRange(0, 0);
      this.box.scrollTop = 0;
    } finally {
      this.applying = false;
    }
    this.changed();
  }
}
