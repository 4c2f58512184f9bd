// The delivery report webview: everything is built with DOM calls from the host's numbers, as text.
import type { CountryRow, DeliveryReport, ErrorCodeRow, FailureRow } from '../../core/report/deliveryReport';
import { REPORT_STATES } from '../../core/report/reportStates';
import type { HostToReport, ReportToHost, ReportUpdate } from '../../protocol/reportProtocol';
import { el } from '../dom';
import { CHARTED, stateChart } from './chart';

declare function acquireVsCodeApi(): { postMessage(message: ReportToHost): void };
const host = acquireVsCodeApi();
const root = document.getElementById('report') as HTMLElement;

const count = (n: number) => n.toLocaleString('en-US');

function stateSummary(report: DeliveryReport): HTMLElement {
  const shown = REPORT_STATES.filter((state) => report.states[state] > 0 || CHARTED.includes(state));
  return el('ul', { class: 'states', 'aria-label': 'Destinations per state' },
    ...shown.map((state) => el('li', { class: `state state-${state}` }, el('span', { class: 'count', id: `count-${state}` }, count(report.states[state])), ` ${state}`)));
}

/** A table whose first column heads each row; the columns from `firstNumeric` on are right-aligned counts. */
function table(caption: string, id: string, headers: string[], rows: string[][], rowIds: string[], firstNumeric = 1): HTMLElement {
  return el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((cells, i) => el('tr', { 'data-key': rowIds[i] }, ...cells.map((cell, c) => el(c === 0 ? 'th' : 'td', c === 0 ? { scope: 'row' } : { class: c >= firstNumeric ? 'num' : undefined }, cell))))));
}

function countries(rows: readonly CountryRow[]): HTMLElement {
  return table('Per country', 'countries', ['Country', 'Destinations', 'Delivered', 'Failed or undelivered'], rows.map((r) => [r.country, count(r.total), count(r.delivered), count(r.failed)]), rows.map((r) => r.country));
}

function errorCodes(rows: readonly ErrorCodeRow[]): HTMLElement {
  if (rows.length === 0) return el('p', { id: 'error-codes', class: 'muted' }, 'No error codes so far.');
  return table('Per error code', 'error-codes', ['Code', 'Meaning', 'Destinations'], rows.map((r) => [r.code, r.meaning ?? 'not documented by Plivo', count(r.count)]), rows.map((r) => r.code), 2);
}

function failureLabel(f: FailureRow): string {
  const code = f.errorCode ? ` · error ${f.errorCode}${f.meaning ? ` (${f.meaning})` : ''}` : '';
  return `${f.number} · ${f.state}${code}`;
}

function failures(rows: readonly FailureRow[]): HTMLElement {
  const list = el('ul', { id: 'failures', class: 'failures', 'aria-label': 'Failed or undelivered messages' });
  for (const f of rows) {
    const button = el('button', { type: 'button', class: 'failure', 'data-uuid': f.uuid, disabled: !f.uuid, title: f.uuid ? 'Reveal in the Sends view' : 'This number has no message UUID' }, failureLabel(f));
    if (f.uuid) button.addEventListener('click', () => host.postMessage({ type: 'reveal', uuid: f.uuid as string }));
    list.append(el('li', {}, button));
  }
  return rows.length === 0 ? el('p', { id: 'failures', class: 'muted' }, 'No failures so far.') : list;
}

function billing(report: DeliveryReport): HTMLElement {
  const units = report.units === undefined ? 'not read yet' : count(report.units);
  const amount = report.amount === undefined ? 'not read yet' : `$${report.amount}`;
  return el('p', { class: 'billing' }, 'Units: ', el('span', { id: 'units' }, units), ' · Amount: ', el('span', { id: 'amount' }, amount));
}

function render(update: ReportUpdate): void {
  const { report } = update;
  // A redraw must not drop the keyboard user's place in the failures list.
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.uuid;
  root.replaceChildren(
    el('h1', {}, `Delivery report · ${update.title}`),
    el('p', { class: 'muted', id: 'as-of' }, `${count(report.total)} destinations · as of ${new Date(update.builtAt).toLocaleTimeString()} (updates as statuses arrive)`),
    stateSummary(report),
    stateChart(report.timeline, report.total) ?? el('p', { class: 'muted' }, 'Nothing queued yet.'),
    billing(report),
    el('div', { class: 'columns' }, countries(report.countries), errorCodes(report.errorCodes)),
    el('h2', {}, 'Failures'),
    failures(report.failures),
  );
  root.setAttribute('aria-busy', 'false');
  if (focused) root.querySelector<HTMLElement>(`button[data-uuid="${CSS.escape(focused)}"]`)?.focus();
}

window.addEventListener('message', (event: MessageEvent<HostToReport>) => {
  const message = event.data;
  if (message.type === 'report') render(message);
  else root.replaceChildren(el('p', { id: 'gone' }, 'This send is no longer in the Sends history.'));
});
host.postMessage({ type: 'ready' });
