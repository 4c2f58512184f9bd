// "Copy as…" and "Estimate" beside Send, and where the estimate is shown. The host does the work
// (composerDevLoop.ts); this side only asks, with the draft as it is on screen.
import type { ComposerDraft } from '../../protocol/composerProtocol';
import { byId, el } from '../dom';
import { postToHost } from '../vscodeApi';

/** The two buttons, placed in the Send toolbar by layout.ts. */
export function devLoopButtons(): HTMLElement[] {
  return [
    el('button', { type: 'button', id: 'copy-as', class: 'secondary', title: 'Copy this request as curl, Node, Python, Ruby, PHP, Java, .NET, Go or raw HTTP' }, 'Copy as…'),
    el('button', { type: 'button', id: 'estimate', class: 'secondary', title: 'Cost, time and warnings before sending' }, 'Estimate'),
  ];
}

/** The estimate's lines, under the toolbar. */
export function estimateBox(): HTMLElement {
  return el('ul', { id: 'estimate-lines', class: 'estimate', 'aria-live': 'polite', 'aria-label': 'Estimate', hidden: true });
}

type Current = () => { revision: number; draft: ComposerDraft };

/** Once typing pauses after a saved change, the estimate follows (the host answers from its cache). */
const AUTO_ESTIMATE_MS = 600;
let autoTimer: ReturnType<typeof setTimeout> | undefined;

/** Wires the buttons; `current` flushes pending edits and gives the revision and draft shown. */
export function wireDevLoop(current: Current): void {
  byId('copy-as').addEventListener('click', () => postToHost({ type: 'copyAs', ...current() }));
  byId('estimate').addEventListener('click', () => {
    showEstimate(['Estimating…']);
    postToHost({ type: 'estimate', ...current(), start: true });
  });
  // An estimate of an edited draft would mislead: it goes with the first change.
  byId('composer').addEventListener('input', () => showEstimate([]));
}

/** Called when a draft change was posted: asks for its estimate once changes pause. */
export function estimateSoon(revision: number, draft: ComposerDraft): void {
  clearTimeout(autoTimer);
  if (draft.destinations.trim() === '' || draft.text === '') return;
  autoTimer = setTimeout(() => postToHost({ type: 'estimate', revision, draft }), AUTO_ESTIMATE_MS);
}

/** Shows the host's estimate, each line as text. */
export function showEstimate(lines: readonly string[]): void {
  const box = byId('estimate-lines');
  box.replaceChildren(...lines.map((line) => el('li', { class: line.startsWith('Warning:') ? 'warning' : undefined }, line)));
  box.hidden = lines.length === 0;
}
