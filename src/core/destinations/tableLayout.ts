import { parse } from 'csv-parse/sync';
import { CR, isSoftSeparator, LF } from './characters';
import { headerlessPhoneColumn, isPhoneHeader, looksLikePhoneNumber, phoneColumnByContent, phoneColumnByName } from './phoneColumn';

/**
 * How a text is laid out: a plain list, a list under a one-word header, or a table with a phone
 * column (`header` names it: the header cell, or `column N` for a table without a header row).
 */
export type Layout =
  | { kind: 'list'; start: number }
  | { kind: 'headedList'; start: number; header: string }
  | { kind: 'table'; start: number; delimiter: string; format: 'csv' | 'tsv'; column: number; header: string; hasHeader: boolean };

/** A header longer than this is not a header (keeps detection cheap on one-line 10 MB pastes). */
const MAX_HEADER_LENGTH = 4096;
/** Data rows sampled when the phone column must be found by content. */
const SAMPLE_ROWS = 50;

/** Options shared by every csv-parse call here: tolerant of ragged rows and stray quotes. */
export function csvOptions(delimiter: string): { delimiter: string; relax_quotes: true; relax_column_count: true; record_delimiter: string[] } {
  return { delimiter, relax_quotes: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] };
}

/**
 * Decides whether the text is CSV/TSV and, if so, which column holds the numbers. With a header row
 * (the first non-blank line has letters, no number, and a delimiter) the column is chosen by header
 * name, else by which column's first rows look like numbers. Without one (`Ann,+1415…,2024-01-01`),
 * by content, when one column holds numbers and another holds words or dates in most sampled rows.
 */
export function detectLayout(text: string): Layout {
  const { start, end } = firstNonBlankLine(text);
  if (end - start > MAX_HEADER_LENGTH) return { kind: 'list', start: 0 };
  const line = text.slice(start, end);
  const delimiter = pickDelimiter(line);
  const hasLetters = /\p{L}/u.test(line);
  if (delimiter === undefined) {
    if (!hasLetters) return { kind: 'list', start: 0 };
    const header = line.replace(/["']/g, '').trim();
    return isPhoneHeader(header) ? { kind: 'headedList', start: end, header } : { kind: 'list', start: 0 };
  }
  const headers = parseRows(line, delimiter)?.[0] ?? [];
  if (headers.length < 2) return { kind: 'list', start: 0 };
  if (!hasLetters || headers.some(looksLikePhoneNumber)) {
    const column = headerlessPhoneColumn(parseRows(sampleAfter(text, start), delimiter) ?? []);
    if (column < 0) return { kind: 'list', start: 0 };
    return { kind: 'table', start, delimiter, format: formatOf(delimiter), column, header: `column ${column + 1}`, hasHeader: false };
  }

  let column = phoneColumnByName(headers);
  if (column < 0) column = phoneColumnByContent(parseRows(sampleAfter(text, end), delimiter) ?? []);
  if (column < 0) return { kind: 'list', start: 0 };
  const header = headers[column].trim() || `column ${column + 1}`;
  return { kind: 'table', start, delimiter, format: formatOf(delimiter), column, header, hasHeader: true };
}

function formatOf(delimiter: string): 'csv' | 'tsv' {
  return delimiter === '\t' ? 'tsv' : 'csv';
}

function firstNonBlankLine(text: string): { start: number; end: number } {
  let lineStart = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || code === CR) lineStart = i + 1;
    else if (!isSoftSeparator(code) && code !== 9 && code !== 0xfeff) break;
  }
  let end = i;
  while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
  return { start: lineStart, end };
}

/** Tab wins (TSV); otherwise the more frequent of `,` and `;` (Excel writes `;` in many locales). */
function pickDelimiter(line: string): string | undefined {
  if (line.includes('\t')) return '\t';
  const commas = line.split(',').length - 1;
  const semicolons = line.split(';').length - 1;
  if (commas === 0 && semicolons === 0) return undefined;
  return commas >= semicolons ? ',' : ';';
}

/** The text of up to SAMPLE_ROWS lines after `from`. */
function sampleAfter(text: string, from: number): string {
  let end = from;
  for (let rows = 0; rows <= SAMPLE_ROWS && end < text.length; rows++) {
    const next = text.indexOf('\n', end + 1);
    end = next < 0 ? text.length : next;
  }
  return text.slice(from, end);
}

function parseRows(text: string, delimiter: string): string[][] | undefined {
  try {
    return parse(text, { ...csvOptions(delimiter), skip_empty_lines: true });
  } catch {
    return undefined; // e.g. a quote left open where the sample was cut: no usable sample
  }
}
