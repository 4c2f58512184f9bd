import { CsvError } from 'csv-parse/sync';
import { AnalysisBuilder } from './analysisBuilder';
import { NumberReader } from './numberReader';
import { LineCounter } from './sourceOffsets';
import { readColumnCells, TablePositionError } from './tableCells';
import { detectLayout } from './tableLayout';
import { tokenizeList, type TextRange } from './tokenizeList';
import type { AnalyseOptions, DestinationAnalysis } from './types';

/**
 * Splits any pasted text (or CSV/TSV, with or without a header row) into destinations and classifies each.
 * Throws a RangeError for an unknown `defaultRegion`.
 */
export function analyseDestinations(text: string, options: AnalyseOptions = {}): DestinationAnalysis {
  const reader = new NumberReader(options.defaultRegion);
  const layout = detectLayout(text);

  if (layout.kind === 'table') {
    const builder = new AnalysisBuilder(text, reader);
    const lines = new LineCounter(text);
    try {
      readColumnCells(text, layout.start, layout.delimiter, layout.column, layout.hasHeader, (start, end) => {
        const { line, lineStart } = lines.at(start);
        tokenizeInto(builder, text, { start, end, line, lineStart });
      });
      const analysis = builder.finish(layout.format, layout.header);
      if (!layout.hasHeader) analysis.headerless = true;
      return analysis;
    } catch (error) {
      if (!(error instanceof CsvError) && !(error instanceof TablePositionError)) throw error;
      // A broken table (e.g. a quote never closed) is still worth checking: read it as a plain list.
      const note = `Could not read the ${layout.format.toUpperCase()} table (${error.message}); read it as a plain list instead.`;
      return tokenizeInto(new AnalysisBuilder(text, reader), text, wholeText(text)).finish('list', undefined, note);
    }
  }

  const builder = new AnalysisBuilder(text, reader);
  if (layout.kind === 'headedList') {
    const { line, lineStart } = new LineCounter(text).at(layout.start);
    return tokenizeInto(builder, text, { start: layout.start, end: text.length, line, lineStart }).finish('list', layout.header);
  }
  return tokenizeInto(builder, text, wholeText(text)).finish('list');
}

function tokenizeInto(builder: AnalysisBuilder, text: string, range: TextRange): AnalysisBuilder {
  tokenizeList(
    text, range,
    (candidate) => builder.isNumber(candidate),
    (offset, length, line, column) => builder.add(offset, length, line, column),
  );
  return builder;
}

function wholeText(text: string): TextRange {
  return { start: 0, end: text.length, line: 0, lineStart: 0 };
}
