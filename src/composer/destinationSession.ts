// The host's view of the composer's destinations: the latest text, its analysis and its pages.
import { analyseDestinations } from '../core/destinations/analyse';
import type { DestinationAnalysis, DestinationStatus } from '../core/destinations/types';
import { MAX_DESTINATIONS } from '../core/request';
import type { AnalysisSummary, PreviewFilter, PreviewRow } from '../protocol/composerProtocol';
import { PreviewPager } from './previewPage';
import { removeEntriesByStatus } from './removeEntries';

/** Largest destinations text analysed (about 100,000 numbers); beyond it the preview explains why. */
export const MAX_DESTINATIONS_TEXT = 2_000_000;

export interface RegionChoice {
  region?: string;
  source?: 'profile' | 'setting';
}

// Summary ids never repeat, even across sessions (panels), so a page for an old one is always known stale.
let lastSummaryId = 0;

/** Analyses one revision of the destinations text at a time and answers questions about it. */
export class DestinationSession {
  private revision = -1;
  private summaryId = 0;
  private text = '';
  private region: RegionChoice = {};
  private analysis: DestinationAnalysis | undefined;
  private pager: PreviewPager | undefined;
  private problem: string | undefined;

  /**
   * Records a new revision. Re-analyses only when the text or region changed; returns the summary
   * to post, or undefined when nothing the preview shows has changed.
   */
  update(revision: number, text: string, region: RegionChoice): AnalysisSummary | undefined {
    const changed = !this.analysed() || text !== this.text || region.region !== this.region.region;
    this.revision = revision;
    if (!changed) {
      const sourceChanged = region.source !== this.region.source;
      this.region = region;
      return sourceChanged ? this.nextSummary() : undefined;
    }
    this.text = text;
    this.region = region;
    this.analyse();
    return this.nextSummary();
  }

  private nextSummary(): AnalysisSummary {
    this.summaryId = ++lastSummaryId;
    return this.summary();
  }

  /** The analysis of the latest text (for sending); undefined when it could not be analysed. */
  current(): DestinationAnalysis | undefined {
    return this.analysis;
  }

  /** The revision the current analysis belongs to. */
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
      note: this.analysis?.note,
      region: this.region.region,
      regionSource: this.region.region ? this.region.source : undefined,
      problem: this.problem,
    };
  }

  /** A page of rows, or undefined when the request was made for an older summary. */
  page(summaryId: number, filter: PreviewFilter, offset: number, limit: number): { offset: number; total: number; rows: PreviewRow[] } | undefined {
    if (summaryId !== this.summaryId) return undefined;
    return this.pager?.page(filter, offset, limit) ?? { offset: 0, total: 0, rows: [] };
  }

  /**
   * The text without every entry of `status`, or undefined when the request was made for an
   * older revision (the webview asks again once the preview is current).
   */
  without(revision: number, status: DestinationStatus): { text: string; removed: number } | undefined {
    if (revision !== this.revision || !this.analysis) return undefined;
    const removed = this.analysis.entries.filter((entry) => entry.status === status).length;
    return { text: removed === 0 ? this.text : removeEntriesByStatus(this.text, this.analysis, status), removed };
  }

  private analysed(): boolean {
    return this.revision >= 0;
  }

  private analyse(): void {
    this.analysis = undefined;
    this.pager = undefined;
    this.problem = undefined;
    if (this.text.length > MAX_DESTINATIONS_TEXT) {
      this.problem = `The destinations are ${this.text.length.toLocaleString('en-US')} characters; the preview reads at most ${MAX_DESTINATIONS_TEXT.toLocaleString('en-US')}. Split the list and send it in parts.`;
      return;
    }
    try {
      this.analysis = analyseDestinations(this.text, { defaultRegion: this.region.region });
      this.pager = new PreviewPager(this.analysis);
    } catch (error) {
      this.problem = `The destinations could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
