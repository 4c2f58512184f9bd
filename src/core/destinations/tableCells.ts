import { parse, type InfoField, type InfoRecord } from 'csv-parse/sync';
import { ByteToCharOffsets } from './sourceOffsets';
import { csvOptions } from './tableLayout';

/**
 * Calls `onCell(start, end)` with the exact source span (quotes included) of the phone column's cell
 * in every data row, in order. csv-parse does the parsing; its per-field byte counter (`info.bytes`,
 * the end of each field) gives the spans, so quoted cells keep true positions. Records are dropped
 * as soon as they are read, so memory stays flat on large files.
 */
export function readColumnCells(
  text: string, start: number, delimiter: string, column: number, onCell: (start: number, end: number) => void,
): void {
  const table = text.slice(start);
  const offsets = new ByteToCharOffsets(table);
  let recordStartByte = 0;
  let fieldStartByte = 0;
  parse(table, {
    ...csvOptions(delimiter),
    cast: (value: string, context: InfoField) => {
      const fieldStart = context.index === 0 ? recordStartByte : fieldStartByte;
      fieldStartByte = context.bytes + delimiter.length;
      // Record 0 is the header row.
      if (context.index === column && context.records > 0 && value.trim() !== '') {
        onCell(start + offsets.charOffset(fieldStart), start + offsets.charOffset(context.bytes));
      }
      return value;
    },
    on_record: (_record: unknown, info: InfoRecord) => {
      recordStartByte = info.bytes;
      return null;
    },
  });
}
