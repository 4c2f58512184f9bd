import { parse } from 'csv-parse/sync';
import { LF } from './characters';
import { csvOptions } from './tableLayout';

/** csv-parse read the table in a way this module cannot map back to source positions. */
export class TablePositionError extends Error {}

const QUOTE = '"';

interface RawRecord {
  record: string[];
  raw: string;
}

/**
 * Calls `onCell(start, end)` with the exact source span (quotes included) of the phone column's cell
 * in every data row, in order. csv-parse does the parsing; each record's `raw` text anchors the record
 * in the source, and the parsed values are matched back onto it (verbatim or quoted), so quoted
 * cells keep true positions without a second parser. The first row is skipped when it is a header.
 * Records are dropped as soon as they are read,
 * so memory stays flat on large files.
 */
export function readColumnCells(
  text: string, start: number, delimiter: string, column: number, hasHeader: boolean, onCell: (start: number, end: number) => void,
): void {
  let cursor = start;
  let isHeader = hasHeader;
  parse(text.slice(start), {
    ...csvOptions(delimiter),
    raw: true,
    // With `raw: true` csv-parse hands over `{record, raw}`; its typings do not model that.
    on_record: (row: unknown) => {
      const { record, raw } = row as RawRecord;
      const recordStart = cursor;
      if (!text.startsWith(raw, cursor)) throw new TablePositionError(`row at offset ${cursor} does not match the source`);
      cursor += raw.length;
      // csv-parse's `raw` keeps only the first character of a "\r\n" record delimiter.
      if (raw.endsWith('\r') && text.charCodeAt(cursor) === LF) cursor++;
      if (isHeader) {
        isHeader = false;
      } else if (column < record.length && record[column].trim() !== '') {
        const span = locateField(raw, record, column, delimiter);
        if (span === undefined) throw new TablePositionError(`cannot find column ${column + 1} in the row at offset ${recordStart}`);
        onCell(recordStart + span.start, recordStart + span.end);
      }
      return null;
    },
  });
}

/** Where field `column` sits in a record's raw text, by matching each parsed value in turn. */
function locateField(raw: string, values: string[], column: number, delimiter: string): { start: number; end: number } | undefined {
  let position = 0;
  for (let index = 0; index <= column; index++) {
    const value = values[index];
    let length: number;
    const quoted = `${QUOTE}${value.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}`;
    if (raw.startsWith(quoted, position)) length = quoted.length;
    else if (raw.startsWith(value, position)) length = value.length;
    else return undefined;
    if (index === column) return { start: position, end: position + length };
    position += length;
    if (!raw.startsWith(delimiter, position)) return undefined;
    position += delimiter.length;
  }
  return undefined;
}
