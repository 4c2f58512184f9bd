// The other columns of a CSV/TSV list, which the analysis (core) does not keep: the header names, to
// say where a {placeholder} could come from, and each row's name, to show beside its number.
// Rows are read a page at a time, never the whole text again.
import { parse } from 'csv-parse/sync';
import type { DestinationAnalysis } from '../core/destinations/types';

/** Header names that hold a person's name, best first. */
const NAME_HEADER = /^(full[ _-]?name|name|first[ _-]?name|contact|customer)$/i;

export class TableColumns {
  private constructor(
    private readonly text: string,
    private readonly delimiter: string,
    /** Header names, as written. */
    readonly headers: string[],
    /** Index of the name column, if there is one. */
    private readonly nameColumn: number,
  ) {}

  /** The table's columns, or undefined for a plain list or a header that cannot be read. */
  static read(text: string, analysis: DestinationAnalysis | undefined): TableColumns | undefined {
    if (!analysis || analysis.format === 'list') return undefined;
    const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r\n|\n|\r/, 1)[0] ?? '';
    // The analysis says which column holds the numbers; the delimiter that finds it is the table's.
    for (const delimiter of analysis.format === 'tsv' ? ['\t'] : [',', ';', '|']) {
      const headers = parseLine(firstLine, delimiter);
      if (!headers || headers.length < 2 || (analysis.column && !headers.some((h) => h.trim() === analysis.column))) continue;
      return new TableColumns(text, delimiter, headers.map((h) => h.trim()), headers.findIndex((h) => NAME_HEADER.test(h.trim())));
    }
    return undefined;
  }

  /** The name column's header, if the table has one. */
  get nameHeader(): string | undefined {
    return this.nameColumn >= 0 ? this.headers[this.nameColumn] : undefined;
  }

  /** The name on the row that starts at `offset` of the text (an entry's offset lies on its row). */
  nameAt(offset: number): string | undefined {
    if (this.nameColumn < 0) return undefined;
    const start = Math.max(this.text.lastIndexOf('\n', offset - 1), this.text.lastIndexOf('\r', offset - 1)) + 1;
    const ends = [this.text.indexOf('\n', offset), this.text.indexOf('\r', offset)].filter((i) => i >= 0);
    const line = this.text.slice(start, ends.length > 0 ? Math.min(...ends) : this.text.length);
    const name = parseLine(line, this.delimiter)?.[this.nameColumn]?.trim();
    return name ? name.slice(0, 60) : undefined;
  }
}

function parseLine(line: string, delimiter: string): string[] | undefined {
  try {
    const rows = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return rows[0];
  } catch {
    return undefined;
  }
}
