import type { PreviewRow } from '../../protocol/composerProtocol';
import { el } from '../dom';

// One page of preview rows. Status and attention are shown with an icon and words, never colour alone.

const STATUS_LABEL: Record<PreviewRow['status'], { icon: string; text: string }> = {
  valid: { icon: '✓', text: 'valid' },
  invalid: { icon: '✗', text: 'invalid' },
  duplicate: { icon: '≡', text: 'duplicate' },
};

/** Called when a row's position is activated: select that entry in the destinations box. */
export type RevealEntry = (offset: number, length: number) => void;

/** Table rows for one page; every value is set as text. */
export function renderRows(rows: PreviewRow[], reveal: RevealEntry): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const row of rows) fragment.append(renderRow(row, reveal));
  return fragment;
}

function renderRow(row: PreviewRow, reveal: RevealEntry): HTMLTableRowElement {
  const status = STATUS_LABEL[row.status];
  const attention = row.ambiguous || row.fixedLine || row.warning !== undefined;
  const position = el('button', { type: 'button', class: 'link', 'aria-label': `Line ${row.line}, column ${row.column}: select in the destinations box` }, `${row.line}:${row.column}`);
  position.addEventListener('click', () => reveal(row.offset, row.length));
  return el('tr', { class: `status-${row.status}${attention ? ' attention' : ''}` },
    el('td', {}, position),
    el('td', { class: 'status' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, status.icon), ` ${status.text}`),
    el('td', { class: 'mono' }, row.input, row.name ? el('span', { class: 'row-name' }, row.name) : undefined),
    el('td', {}, resultText(row)),
    el('td', {}, row.country ?? ''),
    el('td', {}, row.type ?? ''),
    el('td', { class: 'notes' }, ...notes(row)),
  );
}

function resultText(row: PreviewRow): string {
  if (row.status === 'invalid') return row.reason ?? 'not a valid number';
  if (row.status === 'duplicate') return `${row.e164 ?? ''} — same as line ${row.firstLine ?? '?'}`;
  return row.e164 ?? '';
}

function notes(row: PreviewRow): HTMLElement[] {
  const items: HTMLElement[] = [];
  const note = (icon: string, text: string) => el('span', { class: 'note' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, icon), ` ${text}`);
  if (row.ambiguous) items.push(note('⚠', `Ambiguous: ${row.reason ?? 'it reads as both a national and an international number'}`));
  if (row.fixedLine) items.push(note('☎', 'Fixed line: may not receive SMS'));
  if (row.warning && !(row.fixedLine && /fixed/i.test(row.warning))) items.push(note('⚠', row.warning));
  for (const line of row.readingNotes ?? []) items.push(note('ℹ', line));
  return items;
}
