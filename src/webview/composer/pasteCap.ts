import { MAX_DESTINATIONS_TEXT } from '../../protocol/destinationsLimit';

const n = (value: number): string => value.toLocaleString('en-US');

/** What the composer says when a paste would take the destinations past the limit. */
export function pasteRefusal(length: number): string {
  return `✗ Not pasted: the destinations would be ${n(length)} characters; the composer holds at most ${n(MAX_DESTINATIONS_TEXT)} (about 100,000 numbers). Split the list and paste it in parts, or check it with the bulk-messaging CLI. The destinations are unchanged.`;
}

/**
 * Refuses, in the webview, any paste, drop or input that would take the destinations box past the
 * composer's limit, before the draft is posted: otherwise a 10 MB paste crosses webview → workbench →
 * extension host (seconds) only to be refused there. Listens on window in the capture phase, so it
 * runs before the composer's own input handler, which then never sees a refused change.
 */
export function capDestinationsInput(box: HTMLTextAreaElement, refuse: (message: string) => void): void {
  // The last text within the limit, to put back when a change that was not announced beforehand
  // (an input event with no paste or beforeinput, e.g. a script setting the value) went over.
  let accepted = box.value;
  const remember = (): void => {
    if (box.value.length <= MAX_DESTINATIONS_TEXT) accepted = box.value;
  };
  /** Length of the box's text once `inserted` replaces the selection. */
  const lengthWith = (inserted: string): number => box.value.length - (box.selectionEnd - box.selectionStart) + inserted.length;

  box.addEventListener('focus', remember);
  window.addEventListener('paste', (event) => {
    if (event.target !== box) return;
    const length = lengthWith(event.clipboardData?.getData('text/plain') ?? '');
    if (length <= MAX_DESTINATIONS_TEXT) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    refuse(pasteRefusal(length));
  }, true);
  window.addEventListener('beforeinput', (event) => {
    if (event.target !== box) return;
    remember();
    const length = lengthWith(event.data ?? event.dataTransfer?.getData('text/plain') ?? '');
    if (length <= MAX_DESTINATIONS_TEXT) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    refuse(pasteRefusal(length));
  }, true);
  window.addEventListener('input', (event) => {
    if (event.target !== box) return;
    if (box.value.length <= MAX_DESTINATIONS_TEXT) {
      accepted = box.value;
      return;
    }
    const length = box.value.length;
    box.value = accepted;
    event.stopImmediatePropagation();
    refuse(pasteRefusal(length));
  }, true);
}
