import type { ComposerField, FieldProblem } from '../../protocol/composerProtocol';
import { byId } from '../dom';

// Errors shown beside the field they are about, announced, and linked with aria-describedby.

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

/** Shows every error beside its field and moves focus to the first one. */
export function showFieldErrors(errors: FieldProblem[]): void {
  clearFieldErrors();
  const byControl = new Map<string, string[]>();
  for (const error of errors) {
    const id = CONTROL_OF[error.field] ?? 'general';
    byControl.set(id, [...(byControl.get(id) ?? []), error.message]);
  }
  let first: HTMLElement | undefined;
  for (const [id, messages] of byControl) {
    const slot = byId(`${id}-error`);
    slot.textContent = messages.join(' ');
    slot.hidden = false;
    slot.setAttribute('role', 'alert');
    const control = document.getElementById(id);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
  }
  first?.focus();
}

/** Clears one field's error once the user edits it. */
export function clearFieldError(controlId: string): void {
  const slot = document.getElementById(`${controlId}-error`);
  if (!slot || slot.hidden) return;
  slot.hidden = true;
  slot.textContent = '';
  slot.removeAttribute('role');
  document.getElementById(controlId)?.removeAttribute('aria-invalid');
}

export function clearFieldErrors(): void {
  for (const id of Object.values(CONTROL_OF)) clearFieldError(id);
}
