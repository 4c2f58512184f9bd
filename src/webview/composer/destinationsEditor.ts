import { byId } from '../dom';
import { countLineBreaks, minimalEdit } from './minimalEdit';

/**
 * Chromium's `insertText` editing command re-lays the textarea once per inserted line break, so its
 * cost grows with (inserted line breaks × lines in the box): 50 lines into a 5,000-line box take about
 * a second. Above this budget the text is set directly and only the Undo button can restore it.
 */
const NATIVE_EDIT_BUDGET = 20_000;

/**
 * Replaces the destinations box's text. When the change is cheap enough it is made as one native
 * edit, so Ctrl+Z undoes it; the Undo button restores the previous text either way.
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

  /** Replaces the whole text, remembering the old one for the Undo button; true when Ctrl+Z also works. */
  replace(text: string): boolean {
    const before = this.box.value;
    if (before === text) return false;
    const native = this.write(text);
    this.previous = before;
    this.undoButton.hidden = false;
    return native;
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

  private write(text: string): boolean {
    const before = this.box.value;
    const edit = minimalEdit(before, text);
    const cost = countLineBreaks(edit.insert) * (countLineBreaks(before) + 1);
    let native = false;
    this.applying = true;
    try {
      if (cost <= NATIVE_EDIT_BUDGET) {
        this.box.focus();
        this.box.setSelectionRange(edit.start, edit.end);
        // execCommand is deprecated but still the only edit that joins the textarea's undo stack.
        native = document.execCommand(edit.insert === '' ? 'delete' : 'insertText', false, edit.insert) && this.box.value === text;
      }
      if (!native) this.box.value = text;
      this.box.setSelectionRange(edit.start, edit.start);
    } finally {
      this.applying = false;
    }
    this.changed();
    return native;
  }
}
