import type { AnalysedDestination, DestinationAnalysis } from '../core/destinations/types';
import { readingNotes } from '../core/destinations/readingNotes';
import { MAX_DESTINATIONS } from '../core/request';

/** Entries per chunk handed to the writer: big lists stream out instead of becoming one huge string. */
const CHUNK_ENTRIES = 1000;
/** Longer inputs are cut in the table (the JSON keeps them whole). */
const MAX_INPUT_WIDTH = 32;

/** One token as `check --json` prints it; line and column are 1-based, absent values are null. */
export interface CheckJsonEntry {
  line: number;
  column: number;
  input: string;
  status: AnalysedDestination['status'];
  e164: string | null;
  reason: string | null;
  country: string | null;
  type: string | null;
  ambiguous: boolean;
  /** The E.164 Plivo would use if the digits were sent raw (ambiguous entries only). */
  plivoReading: string | null;
  warning: string | null;
  /** What was cleaned out of the token, and how Plivo would read it raw when that differs. */
  notes: string[];
  /** Index in `entries` of the first occurrence (duplicates only). */
  duplicateOf: number | null;
}

/** `check --json`: `{format, column, counts, unique, entries: CheckJsonEntry[]}`, in chunks. */
export function* jsonReport(analysis: DestinationAnalysis): Generator<string> {
  const head = {
    format: analysis.format,
    column: analysis.column ?? null,
    note: analysis.note ?? null,
    counts: analysis.counts,
    unique: analysis.unique,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"entries":[`;
  const entries = analysis.entries;
  for (let start = 0; start < entries.length; start += CHUNK_ENTRIES) {
    const lines = entries.slice(start, start + CHUNK_ENTRIES).map((entry) => JSON.stringify(toJsonEntry(entry)));
    yield `${start === 0 ? '\n' : ',\n'}${lines.join(',\n')}`;
  }
  yield '\n]}\n';
}

/** The human report: a table of every token, then a summary. */
export function* tableReport(analysis: DestinationAnalysis): Generator<string> {
  const entries = analysis.entries;
  const rows = (slice: AnalysedDestination[]): string[][] => slice.map((entry) => tableRow(entry, entries));
  const header = ['LINE:COL', 'STATUS', 'INPUT', 'E.164', 'COUNTRY', 'TYPE', 'NOTE'];
  // Widths from every row (cheap: one pass), so the columns line up across chunks.
  const widths = header.map((title) => title.length);
  for (const entry of entries) {
    tableRow(entry, entries).forEach((cell, column) => {
      widths[column] = Math.max(widths[column], cell.length);
    });
  }
  const format = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  yield `${format(header)}\n`;
  for (let start = 0; start < entries.length; start += CHUNK_ENTRIES) {
    yield `${rows(entries.slice(start, start + CHUNK_ENTRIES)).map(format).join('\n')}\n`;
  }
  yield `\n${summary(analysis)}\n`;
}

function tableRow(entry: AnalysedDestination, entries: AnalysedDestination[]): string[] {
  return [
    `${entry.position.line + 1}:${entry.position.column + 1}`,
    entry.status,
    shorten(entry.input),
    entry.e164 ?? '',
    entry.country ?? '',
    entry.type === undefined ? '' : entry.type.toLowerCase().replace(/_/g, ' '),
    note(entry, entries),
  ];
}

function note(entry: AnalysedDestination, entries: AnalysedDestination[]): string {
  const notes: string[] = [];
  if (entry.duplicateOf !== undefined) {
    const first = entries[entry.duplicateOf].position;
    notes.push(`duplicate of ${first.line + 1}:${first.column + 1}`);
  }
  if (entry.reason !== undefined && entry.duplicateOf === undefined) notes.push(entry.reason);
  if (entry.warning !== undefined) notes.push(entry.warning);
  notes.push(...readingNotes(entry));
  return notes.join('; ');
}

function shorten(input: string): string {
  const oneLine = input.replace(/\s+/g, ' ');
  return oneLine.length > MAX_INPUT_WIDTH ? `${oneLine.slice(0, MAX_INPUT_WIDTH - 1)}…` : oneLine;
}

/** The closing lines: counts, how the text was read, and how many requests the unique numbers need. */
export function summary(analysis: DestinationAnalysis): string {
  const { counts } = analysis;
  const parts = [`${counts.valid} valid`, plural(counts.duplicate, 'duplicate'), `${counts.invalid} invalid`];
  const flags: string[] = [];
  if (counts.ambiguous > 0) flags.push(`${counts.ambiguous} ambiguous`);
  if (counts.fixedLine > 0) flags.push(`${counts.fixedLine} fixed line`);
  const requests = Math.ceil(analysis.unique.length / MAX_DESTINATIONS);
  const lines = [
    `${plural(counts.total, 'destination')}: ${parts.join(', ')}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}.`,
    `${plural(analysis.unique.length, 'unique number')} to send in ${plural(requests, 'request')} of at most ${MAX_DESTINATIONS}.`,
  ];
  if (analysis.format !== 'list') lines.unshift(`Read as ${analysis.format.toUpperCase()}; numbers from column "${analysis.column}".`);
  else if (analysis.column !== undefined) lines.unshift(`Skipped the header line "${analysis.column}".`);
  if (analysis.note !== undefined) lines.unshift(analysis.note);
  return lines.join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function toJsonEntry(entry: AnalysedDestination): CheckJsonEntry {
  return {
    line: entry.position.line + 1,
    column: entry.position.column + 1,
    input: entry.input,
    status: entry.status,
    e164: entry.e164 ?? null,
    reason: entry.reason ?? null,
    country: entry.country ?? null,
    type: entry.type ?? null,
    ambiguous: entry.ambiguous === true,
    plivoReading: entry.plivoReading ?? null,
    warning: entry.warning ?? null,
    notes: readingNotes(entry),
    duplicateOf: entry.duplicateOf ?? null,
  };
}
