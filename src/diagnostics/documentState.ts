import type { DestinationCounts } from '../core';
import type { AnalysedSource } from './sources';
import { addCounts } from './summaryText';

/** Where the validated lists of a document came from. */
export type ValidatedFrom = 'file' | 'strings' | 'selection';

/** The last published validation of one document version. */
export type DocumentState =
  | { kind: 'validated'; version: number; from: ValidatedFrom; sources: AnalysedSource[]; problemsTotal: number; region?: string }
  | { kind: 'tooLarge'; version: number; size: number; limit: number }
  | { kind: 'skipped'; version: number };

export type ValidatedState = Extract<DocumentState, { kind: 'validated' }>;

/** Counts over every list of a validated document. */
export function countsOf(state: ValidatedState): DestinationCounts {
  return addCounts(state.sources.map((source) => source.analysis.counts));
}
