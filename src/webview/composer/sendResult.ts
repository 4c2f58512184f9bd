import type { SendOutcome, SkippedBeforeSending } from '../../protocol/composerProtocol';
import { el } from '../dom';

// The result of a send: per request api_id, message, UUID count, invalid numbers, HTTP status and timing.

const n = (value: number): string => value.toLocaleString('en-US');
/** The invalid_number list can be long: show this many, then a count. */
const MAX_INVALID_SHOWN = 50;

/** What the result's buttons do: reveal the Sends view, or go on with the same send. */
export interface ResultActions {
  openSends(): void;
  continueSend(sendId: string, mode: 'check' | 'rest'): void;
}

/**
 * Renders an outcome into the result region under `label` ("Send #2 · 19:24"); its advice is about
 * the whole send, never one batch.
 */
export function renderResult(box: HTMLElement, outcome: SendOutcome, label: string, skipped: SkippedBeforeSending | undefined, actions: ResultActions): HTMLElement {
  const uuids = outcome.batches.reduce((sum, batch) => sum + batch.messageUuids.length, 0);
  const invalid = outcome.batches.flatMap((batch) => batch.invalidNumbers);
  const failure = outcome.failure;
  const complete = !failure && outcome.stop === 'complete';
  const title = failure ? ` ${failure.title}` : complete ? ` Sent: ${n(uuids)} ${uuids === 1 ? 'message' : 'messages'} queued` : ` ${outcome.title}: ${outcome.summary}`;
  const heading = el('h2', { id: 'result-heading', tabindex: '-1' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, complete ? '✓' : failure ? '✗' : '!'), title);
  const parts: (HTMLElement | undefined)[] = [
    el('p', { id: 'result-label', class: 'result-label' }, label),
    el('p', { id: 'result-stale', class: 'result-stale', hidden: true }, 'This result is for the draft as it was then; the draft has changed since.'),
    heading,
  ];
  if (failure) {
    parts.push(
      el('p', { class: 'failure-detail' }, failure.detail),
      el('p', { class: 'next-step' }, el('strong', {}, 'What to do: '), failure.nextStep),
      facts([
        ['HTTP status', failure.status === undefined ? 'no response' : String(failure.status)],
        ['api_id', failure.apiId],
      ]),
    );
  } else if (!complete) {
    parts.push(
      outcome.detail ? el('p', { class: 'failure-detail' }, outcome.detail) : undefined,
      el('p', { class: 'next-step' }, el('strong', {}, 'What to do: '), outcome.nextStep),
    );
  }
  const { progress } = outcome;
  parts.push(facts([
    ['Message UUIDs', n(uuids)],
    // Two different things: numbers Plivo refused (invalid_number), and entries the preview kept back.
    ['Rejected by Plivo', `${n(invalid.length)}${invalid.length > 0 ? ' (listed in invalid_number)' : ''}`],
    ['Skipped before sending', skipped ? skippedText(skipped) : undefined],
    ['In doubt', progress.inDoubt > 0 ? `${n(progress.inDoubt)} (may have been queued: check before anything else)` : undefined],
    ['Not sent', progress.notSent > 0 ? `${n(progress.notSent)} (none of the accepted is sent again)` : undefined],
  ]));
  if (outcome.batches.length > 0) parts.push(batchTable(outcome));
  if (invalid.length > 0) parts.push(invalidList(invalid));
  if (outcome.sendId) parts.push(resultToolbar(outcome, complete, actions));
  box.classList.toggle('failed', !complete);
  box.classList.remove('stale');
  box.removeAttribute('aria-describedby');
  box.replaceChildren(...parts.filter((part): part is HTMLElement => part !== undefined));
  box.hidden = false;
  return heading;
}

function resultToolbar(outcome: SendOutcome, complete: boolean, actions: ResultActions): HTMLElement {
  const buttons: HTMLElement[] = [];
  const button = (id: string, label: string, primary: boolean, onClick: () => void) => {
    const b = el('button', { type: 'button', id, ...(primary ? {} : { class: 'secondary' }) }, label);
    b.addEventListener('click', onClick);
    buttons.push(b);
  };
  if (!complete && outcome.progress.inDoubt > 0) button('check-now', 'Check Now', true, () => actions.continueSend(outcome.sendId, 'check'));
  if (!complete && outcome.progress.notSent + outcome.progress.inDoubt > 0) {
    button('send-rest', 'Send the Rest', outcome.progress.inDoubt === 0, () => actions.continueSend(outcome.sendId, 'rest'));
  }
  button('open-sends', 'Show in Sends view', false, actions.openSends);
  return el('div', { class: 'toolbar' }, ...buttons);
}

function skippedText(skipped: SkippedBeforeSending): string {
  const parts = [
    skipped.invalid > 0 ? `${n(skipped.invalid)} invalid ${skipped.invalid === 1 ? 'entry' : 'entries'}` : '',
    skipped.duplicates > 0 ? `${n(skipped.duplicates)} ${skipped.duplicates === 1 ? 'duplicate' : 'duplicates'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function facts(rows: [string, string | undefined][]): HTMLElement {
  const list = el('dl', { class: 'facts' });
  for (const [name, value] of rows) {
    if (value !== undefined) list.append(el('dt', {}, name), el('dd', {}, value));
  }
  return list;
}

function batchTable(outcome: SendOutcome): HTMLElement {
  const head = el('tr', {}, ...['Request', 'HTTP', 'api_id', 'message', 'UUIDs', 'Invalid', 'Time'].map((name) => el('th', { scope: 'col' }, name)));
  const rows = outcome.batches.map((batch) =>
    el('tr', {},
      el('td', {}, `${batch.index + 1}`),
      el('td', {}, String(batch.status)),
      el('td', { class: 'mono' }, batch.apiId),
      el('td', {}, batch.message),
      el('td', {}, n(batch.messageUuids.length)),
      el('td', {}, n(batch.invalidNumbers.length)),
      el('td', {}, `${n(Math.round(batch.elapsedMs))} ms`),
    ));
  return el('div', { class: 'table-wrap' },
    el('table', { id: 'result-batches' }, el('caption', { class: 'visually-hidden' }, 'Requests sent'), el('thead', {}, head), el('tbody', {}, ...rows)));
}

function invalidList(invalid: string[]): HTMLElement {
  const shown = invalid.slice(0, MAX_INVALID_SHOWN);
  return el('details', { class: 'invalid-numbers' },
    el('summary', {}, `invalid_number (${n(invalid.length)})`),
    el('ul', { id: 'result-invalid' }, ...shown.map((number) => el('li', { class: 'mono' }, number))),
    invalid.length > shown.length ? el('p', {}, `…and ${n(invalid.length - shown.length)} more (all are in the Sends view).`) : undefined,
  );
}

/** The draft changed: the shown result is about an earlier one, so it is greyed and says so. */
export function markResultStale(box: HTMLElement): void {
  if (box.hidden || box.classList.contains('stale')) return;
  box.classList.add('stale');
  const note = box.querySelector<HTMLElement>('#result-stale');
  if (note) note.hidden = false;
}

/** The draft was filled from elsewhere: the result no longer belongs to anything on screen. */
export function clearResult(box: HTMLElement): void {
  box.hidden = true;
  box.classList.remove('stale', 'failed');
  box.replaceChildren();
}

/** "19:24", in the webview's local time. */
export function clockTime(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
