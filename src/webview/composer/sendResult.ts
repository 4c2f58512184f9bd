import type { SendOutcome } from '../../protocol/composerProtocol';
import { el } from '../dom';

// The result of a send: per request api_id, message, UUID count, invalid numbers, HTTP status and timing.

const n = (value: number): string => value.toLocaleString('en-US');
/** The invalid_number list can be long: show this many, then a count. */
const MAX_INVALID_SHOWN = 50;

/** Renders an outcome into the result region; `openSends` reveals the Sends view. */
export function renderResult(box: HTMLElement, outcome: SendOutcome, openSends: () => void): HTMLElement {
  const uuids = outcome.batches.reduce((sum, batch) => sum + batch.messageUuids.length, 0);
  const invalid = outcome.batches.flatMap((batch) => batch.invalidNumbers);
  const failure = outcome.failure;
  const heading = el('h2', { id: 'result-heading', tabindex: '-1' },
    el('span', { class: 'icon', 'aria-hidden': 'true' }, failure ? '✗' : '✓'),
    failure ? ` ${failure.title}` : ` Sent: ${n(uuids)} ${uuids === 1 ? 'message' : 'messages'} queued`);
  const parts: (HTMLElement | undefined)[] = [heading];
  if (failure) {
    parts.push(
      el('p', { class: 'failure-detail' }, failure.detail),
      el('p', { class: 'next-step' }, el('strong', {}, 'What to do: '), failure.nextStep),
      facts([
        ['HTTP status', failure.status === undefined ? 'no response' : String(failure.status)],
        ['api_id', failure.apiId],
      ]),
    );
  }
  parts.push(facts([
    ['Message UUIDs', n(uuids)],
    ['Invalid numbers', n(invalid.length)],
    ['Requests not sent', outcome.unsentBatches > 0 ? `${n(outcome.unsentBatches)} (cancelled or stopped after a failure; none was sent twice)` : undefined],
  ]));
  if (outcome.batches.length > 0) parts.push(batchTable(outcome));
  if (invalid.length > 0) parts.push(invalidList(invalid));
  if (outcome.sendId) {
    const open = el('button', { type: 'button', id: 'open-sends', class: 'secondary' }, 'Show in Sends view');
    open.addEventListener('click', openSends);
    parts.push(el('div', { class: 'toolbar' }, open));
  }
  box.classList.toggle('failed', failure !== undefined);
  box.replaceChildren(...parts.filter((part): part is HTMLElement => part !== undefined));
  box.hidden = false;
  return heading;
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
