import type { AnalyseOptions, DestinationAnalysis } from '../core';
import { findJoinedStrings } from './joinedStrings';
import { analyseSliced } from '../analysis/slicedAnalysis';
import type { TimeSlicer } from '../analysis/timeSlicer';

/** Where a piece of a document starts: offset, 0-based line and column. */
export interface SourceOrigin {
  offset: number;
  line: number;
  column: number;
}

/** A piece of a document that holds one list: the whole file, a selection, or one `<`-joined string. */
export interface ListSource {
  origin: SourceOrigin;
  text: string;
}

/** A source and its analysis. */
export interface AnalysedSource extends ListSource {
  analysis: DestinationAnalysis;
}

/** The whole document as one list. */
export function wholeDocument(text: string): ListSource[] {
  return [{ origin: { offset: 0, line: 0, column: 0 }, text }];
}

/** Each `<`-joined string of a code/JSON/YAML document as its own list. */
export function joinedStringSources(text: string, plainValues: boolean): ListSource[] {
  const sources: ListSource[] = [];
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  for (const found of findJoinedStrings(text, plainValues)) {
    // Strings come in document order, so line counting walks the text once.
    for (; scanned < found.offset; scanned++) {
      const code = text.charCodeAt(scanned);
      if (code === 10 || (code === 13 && text.charCodeAt(scanned + 1) !== 10)) {
        line++;
        lineStart = scanned + 1;
      }
    }
    const origin = { offset: found.offset, line, column: found.offset - lineStart };
    sources.push({ origin, text: text.slice(found.offset, found.offset + found.length) });
  }
  return sources;
}

/** Analyses every source in time slices; undefined when cancelled. */
export async function analyseSources(
  sources: readonly ListSource[], options: AnalyseOptions, slicer: TimeSlicer,
): Promise<AnalysedSource[] | undefined> {
  const analysed: AnalysedSource[] = [];
  for (const source of sources) {
    if (!(await slicer.checkpoint())) return undefined;
    const analysis = await analyseSliced(source.text, options, slicer);
    if (analysis === undefined) return undefined;
    analysed.push({ ...source, analysis });
  }
  return analysed;
}

/** Document line and column of a position inside a source (tokens never span lines). */
export function documentPosition(origin: SourceOrigin, line: number, column: number): { line: number; column: number } {
  return line === 0 ? { line: origin.line, column: origin.column + column } : { line: origin.line + line, column };
}
