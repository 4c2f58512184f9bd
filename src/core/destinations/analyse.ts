import type { AnalyseOptions, DestinationAnalysis } from './types';

/** Splits any pasted text (or CSV/TSV with a header) into destinations and classifies each. */
export function analyseDestinations(_text: string, _options: AnalyseOptions = {}): DestinationAnalysis {
  throw new Error('not implemented yet');
}
