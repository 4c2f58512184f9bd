import { analyseDestinations, type AnalyseOptions, type DestinationAnalysis } from '../core';
import { AnalysisMerger } from './analysisMerger';
import type { TimeSlicer } from './timeSlicer';

/**
 * Pieces start this small (the first numbers run on cold code, several times slower), then grow or
 * shrink to fill about half a slice, leaving room for a slow piece.
 */
const START_CHARS = 256;
const MIN_CHARS = 512;
const MAX_CHARS = 1 << 20;
/** The core picks a CSV's phone column from up to 50 rows after the header: the first piece holds them all. */
const FIRST_PIECE_LINES_AFTER_HEADER = 60;
/** A quote left open this many characters past the piece size is a stray one: cut anyway. */
const STRAY_QUOTE_FACTOR = 8;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * `analyseDestinations` over a large text without freezing the host: the text is cut at line breaks
 * into pieces sized to the slicer's budget, each piece is analysed on its own, and the pieces are
 * merged (positions shifted, duplicates found across pieces). Later pieces are read the way the first
 * one was: a table's header line, or `<` for a plain list, is put in front of them. If a piece reads
 * differently anyway, the whole text is analysed in one go (correct, only not sliced).
 * Resolves undefined when the slicer reports cancellation.
 */
export async function analyseSliced(text: string, options: AnalyseOptions, slicer: TimeSlicer): Promise<DestinationAnalysis | undefined> {
  const headerLine = firstNonBlankLine(text);
  let started = slicer.now();
  // A first line without letters is read as a plain list straight away; otherwise the first piece
  // must hold every row the core samples to find a table's phone column.
  const minLines = /\p{L}/u.test(headerLine.text) ? headerLine.number + 1 + FIRST_PIECE_LINES_AFTER_HEADER : 1;
  const first = nextCut(text, 0, START_CHARS, minLines, true);
  if (first.end >= text.length) return analyseDestinations(text, options);

  const head = analyseDestinations(text.slice(0, first.end), options);
  if (head.note !== undefined) return analyseWhole(text, options, slicer);
  const table = head.format !== 'list';
  // A list under a one-word header, or a table: repeat the header. A plain list: a lone `<` (a
  // separator, so it adds no entry) keeps a later piece's first line from being taken for a header.
  // A table without a header row: each piece is such a table itself (a piece read otherwise falls back to the whole).
  const prefix = head.headerless ? '' : head.column !== undefined ? `${headerLine.text}\n` : '<\n';
  const merger = new AnalysisMerger(head.format, head.column, head.headerless);
  merger.add(head, 0, 0);

  let chars = nextSize(first.end, first.end, slicer.now() - started, slicer.budgetMs);
  let start = first.end;
  let line = first.lines;
  while (start < text.length) {
    if (!(await slicer.checkpoint())) return undefined;
    started = slicer.now();
    const cut = nextCut(text, start, chars, 1, table);
    const piece = analyseDestinations(prefix + text.slice(start, cut.end), options);
    if (piece.format !== head.format || piece.column !== head.column || piece.note !== undefined) {
      return analyseWhole(text, options, slicer);
    }
    merger.add(piece, start - prefix.length, prefix === '' ? line : line - 1);
    chars = nextSize(chars, cut.end - start, slicer.now() - started, slicer.budgetMs);
    start = cut.end;
    line += cut.lines;
  }
  return merger.finish();
}

async function analyseWhole(text: string, options: AnalyseOptions, slicer: TimeSlicer): Promise<DestinationAnalysis | undefined> {
  if (!(await slicer.checkpoint())) return undefined;
  return analyseDestinations(text, options);
}

/** Characters for the next piece so that it takes about half the slice budget; grows at most 2× a step. */
function nextSize(current: number, done: number, elapsedMs: number, budgetMs: number): number {
  const perMs = done / Math.max(elapsedMs, 0.25);
  const wanted = Math.min(perMs * budgetMs * 0.5, current * 2);
  return Math.max(MIN_CHARS, Math.min(MAX_CHARS, Math.round(wanted)));
}

/**
 * Where the piece that starts at `start` ends: just after the first line break at or beyond
 * `start + chars` once `minLines` lines are in. With `quoteAware`, never inside a quoted CSV field
 * (unless the quote stays open far too long). `lines` counts the breaks inside, as the core does:
 * `\n`, `\r\n` and a lone `\r` each end a line.
 */
export function nextCut(text: string, start: number, chars: number, minLines: number, quoteAware: boolean): { end: number; lines: number } {
  const target = start + chars;
  const giveUp = start + chars * STRAY_QUOTE_FACTOR;
  let lines = 0;
  let inQuotes = false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      if (quoteAware) inQuotes = !inQuotes;
    } else if (code === LF || code === CR) {
      if (code === CR && text.charCodeAt(i + 1) === LF) i++;
      lines++;
      if (i + 1 >= target && lines >= minLines && (!inQuotes || i + 1 >= giveUp)) return { end: i + 1, lines };
    }
  }
  return { end: text.length, lines };
}

/** The first line with more than blanks and quotes (where the core looks for a header), and its 0-based number. */
function firstNonBlankLine(text: string): { text: string; number: number } {
  const pattern = /[^\r\n]*(\r\n|\r|\n|$)/gy;
  let number = 0;
  for (let match = pattern.exec(text); match !== null && match[0] !== ''; match = pattern.exec(text)) {
    const line = match[0].slice(0, match[0].length - match[1].length);
    if (!/^[\s"'[\]]*$/u.test(line)) return { text: line, number };
    number++;
  }
  return { text: '', number };
}
