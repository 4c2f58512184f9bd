import { PREVIEW_PAGE_SIZE, type AnalysisSummary, type PreviewFilter, type PreviewRow } from '../../protocol/composerProtocol';
import { byId, el } from '../dom';
import { renderRows, type RevealEntry } from './previewTable';

const n = (value: number): string => value.toLocaleString('en-US');

/** The live summary, the filter, and one page of rows; asks the host for pages, never holds them all. */
export class Preview {
  private filter: PreviewFilter = 'all';
  private offset = 0;
  private summary: AnalysisSummary | undefined;

  constructor(
    private readonly requestPage: (summaryId: number, filter: PreviewFilter, offset: number, limit: number) => void,
    private readonly reveal: RevealEntry,
  ) {
    byId<HTMLInputElement>('filter-all').checked = true;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name="previewFilter"]')) {
      input.addEventListener('change', () => {
        if (!input.checked) return;
        this.filter = input.value as PreviewFilter;
        this.offset = 0;
        this.fetch();
      });
    }
    byId('page-prev').addEventListener('click', () => this.turn(-1));
    byId('page-next').addEventListener('click', () => this.turn(1));
  }

  /** A fresh analysis: update counts and ask for the page being looked at. Older summaries are dropped. */
  showSummary(summary: AnalysisSummary): void {
    if (this.summary && summary.id <= this.summary.id) return;
    this.summary = summary;
    renderSummary(summary);
    const counts: Record<PreviewFilter, number> = {
      all: summary.total, valid: summary.valid, invalid: summary.invalid, duplicate: summary.duplicate, warning: summary.warnings,
    };
    for (const [filter, count] of Object.entries(counts)) {
      const label = byId<HTMLInputElement>(`filter-${filter}`).parentElement;
      if (label?.lastChild) label.lastChild.textContent = `${filterName(filter as PreviewFilter)} (${n(count)})`;
    }
    setButton('remove-invalid', summary.invalid, 'Remove invalid');
    setButton('remove-duplicates', summary.duplicate, 'Remove duplicates');
    byId('preview').hidden = summary.total === 0;
    if (summary.total > 0) this.fetch();
  }

  /** Rows arrived; only those for the summary shown and the filter chosen are used. */
  showPage(summaryId: number, filter: PreviewFilter, offset: number, total: number, rows: PreviewRow[]): void {
    if (summaryId !== this.summary?.id || filter !== this.filter) return;
    this.offset = offset;
    byId('preview-rows').replaceChildren(renderRows(rows, this.reveal));
    byId('preview-range').textContent = total === 0 ? EMPTY[filter] : `Showing ${n(offset + 1)}–${n(offset + rows.length)} of ${n(total)}`;
    byId<HTMLButtonElement>('page-prev').disabled = offset === 0;
    byId<HTMLButtonElement>('page-next').disabled = offset + rows.length >= total;
  }

  private turn(direction: 1 | -1): void {
    this.offset = Math.max(0, this.offset + direction * PREVIEW_PAGE_SIZE);
    this.fetch();
  }

  private fetch(): void {
    if (this.summary) this.requestPage(this.summary.id, this.filter, this.offset, PREVIEW_PAGE_SIZE);
  }
}

const EMPTY: Record<PreviewFilter, string> = {
  all: 'No entries.',
  valid: 'No valid entries.',
  invalid: 'No invalid entries.',
  duplicate: 'No duplicates.',
  warning: 'No entries with warnings.',
};

function filterName(filter: PreviewFilter): string {
  return { all: 'All', valid: 'Valid', invalid: 'Invalid', duplicate: 'Duplicates', warning: 'Warnings' }[filter];
}

function setButton(id: string, count: number, label: string): void {
  const button = byId<HTMLButtonElement>(id);
  button.disabled = count === 0;
  button.textContent = count === 0 ? label : `${label} (${n(count)})`;
}

/** Counts in words and icons, what will be sent, and how the text was read. */
function renderSummary(summary: AnalysisSummary): void {
  const box = byId('summary');
  box.classList.toggle('problem', summary.problem !== undefined);
  if (summary.problem) {
    box.replaceChildren(el('p', {}, el('span', { class: 'icon', 'aria-hidden': 'true' }, '✗'), ` ${summary.problem}`));
    return;
  }
  if (summary.total === 0) {
    box.replaceChildren(el('p', {}, 'No destinations yet.'));
    return;
  }
  const counts = el('p', { class: 'counts' },
    el('strong', {}, `${n(summary.total)} ${summary.total === 1 ? 'entry' : 'entries'}: `),
    count('✓', summary.valid, 'valid', 'valid'), ' · ',
    count('✗', summary.invalid, 'invalid', 'invalid'), ' · ',
    count('≡', summary.duplicate, 'duplicate', 'duplicates'),
    summary.ambiguous > 0 ? ' · ' : '', summary.ambiguous > 0 ? count('⚠', summary.ambiguous, 'ambiguous', 'ambiguous') : '',
    summary.fixedLine > 0 ? ' · ' : '', summary.fixedLine > 0 ? count('☎', summary.fixedLine, 'fixed line', 'fixed line') : '',
  );
  const requests = summary.batches > 1 ? ` in ${n(summary.batches)} requests of up to 1,000` : '';
  const skipped = summary.invalid + summary.duplicate;
  const outgoing = el('p', { class: 'outgoing', id: 'outgoing' },
    summary.uniqueCount === 0
      ? 'Nothing will be sent: no entry is a valid number.'
      : `${n(summary.uniqueCount)} unique ${summary.uniqueCount === 1 ? 'number' : 'numbers'} will be sent${requests}` +
        (skipped > 0 ? `; ${n(skipped)} ${skipped === 1 ? 'entry is' : 'entries are'} left out.` : '.'));
  const how = el('p', { class: 'hint' }, readAs(summary));
  const note = summary.note ? el('p', { class: 'hint' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, '⚠'), ` ${summary.note}`) : undefined;
  box.replaceChildren(counts, outgoing, how, ...(note ? [note] : []));
}

function count(icon: string, value: number, one: string, many: string): HTMLElement {
  return el('span', { class: 'count' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, icon), ` ${n(value)} ${value === 1 ? one : many}`);
}

function readAs(summary: AnalysisSummary): string {
  const format = summary.format === 'list' ? 'Read as a list' : `Read as ${summary.format.toUpperCase()}${summary.column ? `, numbers from column “${summary.column}”` : ''}`;
  const region = summary.region
    ? `national numbers as ${summary.region} (${summary.regionSource === 'profile' ? 'profile default' : 'bulkMessaging.defaultRegion setting'})`
    : 'numbers need a country code (no default region set)';
  return `${format}; ${region}.`;
}
