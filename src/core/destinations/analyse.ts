import { CsvError } from 'csv-parse/sync';
import { AnalysisBuilder } from './analysisBuilder';
import { NumberReader } from './numberReader';
import { LineCounter } from './sourceOffsets';
import { readColumnCells, TablePositionError } from './tableCells';
import { detectLayout } from './tableLayout';
import { tokenizeList, type TextRange } from './tokenizeList';
import type { AnalyseOptions, DestinationAnalysis } from './types';

/**
 * Splits any pasted text (or CSV/TSV with a header) into destinations and classifies each.
 * Throws a RangeError for an unknown `defaultRegion`.
 */
export function analyseDestinations(text: string, options: AnalyseOptions = {}): DestinationAnalysis {
  const reader = new NumberReader(options.defaultRegion);
  const isNumber = (candidate: string): boolean => reader.read(candidate).valid;
  const layout = detectLayout(text);

  if (layout.kind === 'table') {
    const builder = new AnalysisBuilder(text, reader);
    const lines = new LineCounter(text);
    try {
      readColumnCells(text, layout.start, layout.delimiter, layout.column, (start, end) => {
        const { line, lineStart } = lines.at(start);
        tokenizeList(text, { start, end, line, lineStart }, isNumber, (o, l, ln, col) => builder.add(o, l, ln, col));
      });
      return builder.finish(layout.format, layout.header);
    } catch (error) {
      if (!(error instanceof CsvError) && !(error instanceof TablePositionError)) throw error;
      // A broken table (e.g. a quote never closed) is still worth checking: read it as a plain list.
      const builder = new AnalysisBuilder(text, reader);
      const note = `Could not read the ${layout.format.toUpperCase()} table (${error.message}); read it as a plain list instead.`;
      return analyseList(text, wholeText(text), isNumber, builder).finish('list', undefined, note);
    }
  }

  const builder = new AnalysisBuilder(text, reader);
  if (layout.kind === 'headedList') {
    const { line, lineStart } = new LineCounter(text).at(layout.start);
    return analyseList(text, { start: layout.start, end: text.length, line, lineStart }, isNumber, builder)
      .finish('list', layout.header);
  }
  return analyseList(text, wholeText(text), isNumber, builder).finish('list');
}

function analyseList(text: string, range: TextRange, isNumber: (candidate: string) => boolean, builder: AnalysisBuilder): AnalysisBuilder {
  tokenizeList(text, range, isNumber, (offset, length, line, column) => builder.add(offset, length, line, column));
  return builder;
}

function wholeText(text: string): TextRange {
  return { start: 0, end: text.length, line: 0, lineStart: 0 };
}
