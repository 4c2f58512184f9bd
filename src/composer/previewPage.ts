// Pages of preview rows for the webview: the host keeps every entry, the webview only ever sees a page.
import { readingNotes } from '../core/destinations/readingNotes';
import type { AnalysedDestination, DestinationAnalysis, NumberType } from '../core/destinations/types';
import type { PreviewFilter, PreviewRow } from '../protocol/composerProtocol';

/** Longest input shown in a row; longer tokens (a pasted paragraph) are cut with an ellipsis. */
export const MAX_INPUT_SHOWN = 80;
/** Largest page the host will send, whatever the webview asks for. */
export const MAX_PAGE_SIZE = 500;

/** Whether an entry belongs under a filter. */
export function matchesFilter(entry: AnalysedDestination, filter: PreviewFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'warning':
      return entry.warning !== undefined || entry.ambiguous === true;
    default:
      return entry.status === filter;
  }
}

/** Filters an analysis once per filter and serves pages from the cached positions. */
export class PreviewPager {
  private readonly byFilter = new Map<PreviewFilter, AnalysedDestination[]>();

  constructor(private readonly analysis: DestinationAnalysis) {}

  /** How many entries a filter holds. */
  count(filter: PreviewFilter): number {
    return this.filtered(filter).length;
  }

  /** Rows `offset`..`offset + limit` of a filter, clamped to what exists. */
  page(filter: PreviewFilter, offset: number, limit: number): { offset: number; total: number; rows: PreviewRow[] } {
    const matching = this.filtered(filter);
    const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit)));
    const lastPageStart = Math.max(0, Math.floor((matching.length - 1) / size) * size);
    const start = Math.min(Math.max(0, Math.floor(offset)), lastPageStart);
    return { offset: start, total: matching.length, rows: matching.slice(start, start + size).map((entry) => this.toRow(entry)) };
  }

  private filtered(filter: PreviewFilter): AnalysedDestination[] {
    let matching = this.byFilter.get(filter);
    if (!matching) {
      matching = filter === 'all' ? this.analysis.entries : this.analysis.entries.filter((entry) => matchesFilter(entry, filter));
      this.byFilter.set(filter, matching);
    }
    return matching;
  }

  private toRow(entry: AnalysedDestination): PreviewRow {
    const first = entry.duplicateOf === undefined ? undefined : this.analysis.entries[entry.duplicateOf];
    return {
      index: entry.index,
      line: entry.position.line + 1,
      column: entry.position.column + 1,
      offset: entry.position.offset,
      length: entry.position.length,
      input: shorten(entry.input),
      status: entry.status,
      e164: entry.e164,
      reason: entry.reason,
      country: entry.country,
      type: entry.type ? describeNumberType(entry.type) : undefined,
      fixedLine: entry.type === 'FIXED_LINE' || undefined,
      ambiguous: entry.ambiguous || undefined,
      firstLine: first ? first.position.line + 1 : undefined,
      warning: entry.warning,
      readingNotes: nonEmpty(readingNotes(entry)),
    };
  }
}

function nonEmpty(lines: string[]): string[] | undefined {
  return lines.length > 0 ? lines : undefined;
}

/** A libphonenumber number type in plain words. */
export function describeNumberType(type: NumberType): string {
  return type === 'FIXED_LINE_OR_MOBILE' ? 'fixed line or mobile' : type.toLowerCase().replace(/_/g, ' ');
}

function shorten(input: string): string {
  return input.length > MAX_INPUT_SHOWN ? `${input.slice(0, MAX_INPUT_SHOWN - 1)}…` : input;
}
