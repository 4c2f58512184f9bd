// The host's view of the composer's destinations: the latest text, its analysis and its pages.
import { removeEntriesByStatus } from '../core/destinations/listEdits';
import type { DestinationAnalysis, DestinationStatus } from '../core/destinations/types';
import { MAX_DESTINATIONS } from '../core/request';
// The diagnostics' sliced analysis: same result as analyseDestinations, in ~8 ms slices, so a
// 100,000-number paste never freezes the extension host.
import { analyseSliced } from '../analysis/slicedAnalysis';
import { TimeSlicer } from '../analysis/timeSlicer';
import type { AnalysisSummary, PreviewFilter, PreviewRow } from '../protocol/composerProtocol';
import { MAX_DESTINATIONS_TEXT } from '../protocol/destinationsLimit';
import { PreviewPager } from './previewPage';
import { TableColumns } from './tableColumns';

/** Largest destinations text analysed; beyond it the preview explains why (the webview refuses it too). */
export { MAX_DESTINATIONS_TEXT };

export interface RegionChoice {
  region?: string;
  source?: 'profile' | 'setting';
}

// Summary ids never repeat, even across sessions (panels), so a page for an old one is always known stale.
let lastSummaryId = 0;

/**
 * Analyses the latest destinations text (one analysis at a time: a newer text cancels the running
 * one) and answers questions about it: pages, removals, what will be sent.
 */
export class DestinationSession {
  private revision = -1;
  private summaryId = 0;
  private text = '';
  private region: RegionChoice = {};
  private analysis: DestinationAnalysis | undefined;
  private pager: PreviewPager | undefined;
  private table: TableColumns | undefined;
  private problem: string | undefined;
  /** Bumped by every text or region change; a run whose number is no longer current stops. */
  private run = 0;
  private running: Promise<unknown> = Promise.resolve();

  /**
   * Records a new revision at once, then analyses if the text or region changed. Resolves with the
   * summary to post, or undefined when nothing the preview shows changed or a newer text took over.
   */
  update(revision: number, text: string, region: RegionChoice): Promise<AnalysisSummary | undefined> {
    const changed = this.revision < 0 || text !== this.text || region.region !== this.region.region;
    this.revision = revision;
    if (!changed) {
      const sourceChanged = region.source !== this.region.source;
      this.region = region;
      return Promise.resolve(sourceChanged ? this.nextSummary() : undefined);
    }
    this.text = text;
    this.region = region;
    const run = ++this.run;
    const result = this.analyse(text, region.region, run);
    this.running = result;
    return result;
  }

  /** Resolves once the analysis of the latest text is done (or has failed). */
  async settled(): Promise<void> {
    for (let seen = this.running; ; seen = this.running) {
      await seen.catch(() => undefined);
      if (seen === this.running) return;
    }
  }

  /** The analysis of the latest text, once settled; undefined while running or when it failed. */
  current(): DestinationAnalysis | undefined {
    return this.analysis;
  }

  /** True when `text` is the destinations text the session holds (analysed once settled). */
  holds(text: string): boolean {
    return this.text === text;
  }

  /** The revision of the latest draft. */
  currentRevision(): number {
    return this.revision;
  }

  summary(): AnalysisSummary {
    const counts = this.analysis?.counts;
    const unique = this.analysis?.unique.length ?? 0;
    return {
      id: this.summaryId,
      revision: this.revision,
      total: counts?.total ?? 0,
      valid: counts?.valid ?? 0,
      invalid: counts?.invalid ?? 0,
      duplicate: counts?.duplicate ?? 0,
      ambiguous: counts?.ambiguous ?? 0,
      fixedLine: counts?.fixedLine ?? 0,
      warnings: this.pager?.count('warning') ?? 0,
      uniqueCount: unique,
      batches: Math.ceil(unique / MAX_DESTINATIONS),
      format: this.analysis?.format ?? 'list',
      column: this.analysis?.column,
      columns: this.table?.headers,
      note: this.analysis?.note,
      region: this.region.region,
      regionSource: this.region.region ? this.region.source : undefined,
      problem: this.problem,
    };
  }

  /** A page of rows, or undefined when the request was made for an older summary. */
  page(summaryId: number, filter: PreviewFilter, offset: number, limit: number): { offset: number; total: number; rows: PreviewRow[] } | undefined {
    if (summaryId !== this.summaryId) return undefined;
    const page = this.pager?.page(filter, offset, limit) ?? { offset: 0, total: 0, rows: [] };
    const table = this.table;
    if (table?.nameHeader) for (const row of page.rows) row.name = table.nameAt(row.offset);
    return page;
  }

  /**
   * The text without every entry of `status`, or undefined when the request was made for an
   * older revision or the analysis is not done (the webview asks again once the preview is current).
   */
  without(revision: number, status: DestinationStatus): { text: string; removed: number } | undefined {
    if (revision !== this.revision || !this.analysis) return undefined;
    const removed = this.analysis.entries.filter((entry) => entry.status === status).length;
    return { text: removed === 0 ? this.text : removeEntriesByStatus(this.text, this.analysis, status), removed };
  }

  private nextSummary(): AnalysisSummary {
    this.summaryId = ++lastSummaryId;
    return this.summary();
  }

  private async analyse(text: string, region: string | undefined, run: number): Promise<AnalysisSummary | undefined> {
    this.analysis = undefined;
    this.pager = undefined;
    this.table = undefined;
    this.problem = undefined;
    let analysis: DestinationAnalysis | undefined;
    let problem: string | undefined;
    if (text.length > MAX_DESTINATIONS_TEXT) {
      problem = `The destinations are ${text.length.toLocaleString('en-US')} characters; the preview reads at most ${MAX_DESTINATIONS_TEXT.toLocaleString('en-US')}. Split the list and send it in parts.`;
    } else {
      try {
        analysis = await analyseSliced(text, { defaultRegion: region }, new TimeSlicer({ isCancelled: () => run !== this.run }));
      } catch (error) {
        problem = `The destinations could not be read: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    if (run !== this.run) return undefined;
    this.analysis = analysis;
    this.pager = analysis ? new PreviewPager(analysis) : undefined;
    this.table = TableColumns.read(text, analysis);
    this.problem = problem;
    return this.nextSummary();
  }
}
