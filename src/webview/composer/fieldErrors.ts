import type { ComposerField, FieldProblem } from '../../protocol/composerProtocol';
import { byId, el } from '../dom';

// Errors shown beside the field they are about (linked with aria-describedby), listed in a summary
// at the top of the form, and the first one in the form's order focused and scrolled to.

/** The control each field's error belongs to (its error slot is `${id}-error`). */
const CONTROL_OF: Record<ComposerField, string> = {
  profile: 'profile',
  sender: 'sender',
  text: 'text',
  type: 'type',
  callbackUrl: 'callback-url',
  callbackMethod: 'callback-method',
  destinations: 'destinations',
  general: 'general',
};

/** Shows every error beside its field and in the summary, and moves focus to the first one in the form. */
export function showFieldErrors(errors: FieldProblem[]): void {
  clearFieldErrors();
  const byControl = new Map<string, string[]>();
  for (const error of errors) {
    const id = CONTROL_OF[error.field] ?? 'general';
    byControl.set(id, [...(byControl.get(id) ?? []), error.message]);
  }
  const shown: { id: string; control: HTMLElement | undefined; messages: string[] }[] = [];
  for (const [id, messages] of byControl) {
    const slot = byId(`${id}-error`);
    slot.textContent = messages.join(' ');
    slot.hidden = false;
    const control = document.getElementById(id) ?? undefined;
    control?.setAttribute('aria-invalid', 'true');
    // An error inside "Advanced" opens it: a problem is never hidden.
    const details = control?.closest('details');
    if (details) details.open = true;
    shown.push({ id, control, messages });
  }
  // The form's order, not the validator's: the first error a reader meets is the one focused.
  const position = (item: (typeof shown)[number]) => item.control ?? byId(`${item.id}-error`);
  shown.sort((a, b) => (position(a).compareDocumentPosition(position(b)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  showSummary(shown);
  const first = shown.find((item) => item.control)?.control;
  if (first) {
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'center' });
  }
}

/** The summary at the top: how many problems, each a link to its field. Announced once (role alert). */
function showSummary(shown: { id: string; control: HTMLElement | undefined; messages: string[] }[]): void {
  const box = byId('error-summary');
  const count = shown.reduce((sum, item) => sum + item.messages.length, 0);
  const items = shown.flatMap((item) =>
    item.messages.map((message) => {
      if (!item.control) return el('li', {}, message);
      const link = el('button', { type: 'button', class: 'link' }, message);
      link.addEventListener('click', () => {
        item.control?.focus({ preventScroll: true });
        item.control?.scrollIntoView({ block: 'center' });
      });
      return el('li', {}, link);
    }),
  );
  box.replaceChildren(el('p', { class: 'error-summary-title' }, `Not sent: ${count === 1 ? '1 problem' : `${count} problems`} to fix`), el('ul', {}, ...items));
  box.hidden = false;
}

/** Clears one field's error once the user edits it. */
export function clearFieldError(controlId: string): void {
  const slot = document.getElementById(`${controlId}-error`);
  if (!slot || slot.hidden) return;
  slot.hidden = true;
  slot.textContent = '';
  document.getElementById(controlId)?.removeAttribute('aria-invalid');
  // The summary goes once every field it listed is fixed.
  if (Object.values(CONTROL_OF).every((id) => document.getElementById(`${id}-error`)?.hidden !== false)) byId('error-summary').hidden = true;
}

export function clearFieldErrors(): void {
  for (const id of Object.values(CONTROL_OF)) clearFieldError(id);
  byId('error-summary').hidden = true;
}
