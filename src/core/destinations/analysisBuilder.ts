import type { NumberReader } from './numberReader';
import type { AnalysedDestination, DestinationAnalysis, DestinationCounts } from './types';

export const FIXED_LINE_WARNING = 'fixed line: probably cannot receive SMS';

/** Classifies tokens in input order: valid, invalid, or duplicate of an earlier valid number (by E.164). */
export class AnalysisBuilder {
  private readonly entries: AnalysedDestination[] = [];
  private readonly firstIndexByE164 = new Map<string, number>();
  private readonly unique: string[] = [];
  private readonly counts: DestinationCounts = { total: 0, valid: 0, invalid: 0, duplicate: 0, ambiguous: 0, fixedLine: 0 };

  constructor(private readonly text: string, private readonly reader: NumberReader) {}

  /** Adds the token at `text[offset, offset + length)`; line and column are 0-based. */
  add(offset: number, length: number, line: number, column: number): void {
    const input = this.text.slice(offset, offset + length);
    const reading = this.reader.read(input);
    const index = this.entries.length;
    const position = { offset, line, column, length };
    this.counts.total++;
    if (!reading.valid) {
      this.entries.push({ index, input, position, status: 'invalid', reason: reading.reason });
      this.counts.invalid++;
      return;
    }
    // One literal with the common fields keeps entries small and of one shape (100,000-line lists).
    const entry: AnalysedDestination = {
      index, input, position, status: 'valid',
      e164: reading.e164, country: reading.country, type: reading.type, readAsNational: reading.readAsNational,
    };
    this.entries.push(entry);
    if (reading.plivoReading !== undefined) {
      entry.ambiguous = true;
      entry.plivoReading = reading.plivoReading;
      entry.reason = reading.reason;
    }
    const first = this.firstIndexByE164.get(reading.e164);
    if (first !== undefined) {
      entry.status = 'duplicate';
      entry.duplicateOf = first;
      this.counts.duplicate++;
      return;
    }
    this.firstIndexByE164.set(reading.e164, index);
    this.unique.push(reading.e164);
    this.counts.valid++;
    if (entry.ambiguous === true) this.counts.ambiguous++;
    if (reading.type === 'FIXED_LINE') {
      entry.warning = FIXED_LINE_WARNING;
      this.counts.fixedLine++;
    }
  }

  /** The finished analysis. */
  finish(format: DestinationAnalysis['format'], column?: string, note?: string): DestinationAnalysis {
    const analysis: DestinationAnalysis = { entries: this.entries, counts: this.counts, unique: this.unique, format };
    if (column !== undefined) analysis.column = column;
    if (note !== undefined) analysis.note = note;
    return analysis;
  }
}
