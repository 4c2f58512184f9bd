import { warningOf, type AnalysedDestination, type DestinationAnalysis, type DestinationCounts } from '../core';

/**
 * Joins the analyses of consecutive pieces of one text into the analysis of the whole: positions are
 * shifted back into the whole text and duplicates are found across pieces, by the same rules as the
 * core's builder (the first valid spelling of an E.164 number wins; later ones are duplicates).
 */
export class AnalysisMerger {
  private readonly entries: AnalysedDestination[] = [];
  private readonly firstIndexByE164 = new Map<string, number>();
  private readonly unique: string[] = [];
  private readonly counts: DestinationCounts = { total: 0, valid: 0, invalid: 0, duplicate: 0, ambiguous: 0, fixedLine: 0 };

  constructor(
    private readonly format: DestinationAnalysis['format'], private readonly column: string | undefined, private readonly headerless?: true,
  ) {}

  /**
   * Adds a piece's entries. `offsetShift` and `lineShift` turn the piece's positions into positions
   * of the whole text; columns stay as they are because every piece starts at a line start.
   */
  add(piece: DestinationAnalysis, offsetShift: number, lineShift: number): void {
    const entries = piece.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      entry.index = this.entries.length;
      entry.position.offset += offsetShift;
      entry.position.line += lineShift;
      this.entries.push(entry);
      this.counts.total++;
      if (entry.e164 === undefined) {
        this.counts.invalid++;
        continue;
      }
      const first = this.firstIndexByE164.get(entry.e164);
      if (first !== undefined) {
        entry.status = 'duplicate';
        entry.duplicateOf = first;
        // `delete` only where the key exists: deleting reshapes the object, which is slow at 100k entries.
        if (entry.warning !== undefined) delete entry.warning;
        this.counts.duplicate++;
        continue;
      }
      entry.status = 'valid';
      if (entry.duplicateOf !== undefined) delete entry.duplicateOf;
      this.firstIndexByE164.set(entry.e164, entry.index);
      this.unique.push(entry.e164);
      this.counts.valid++;
      if (entry.ambiguous) this.counts.ambiguous++;
      if (entry.type === 'FIXED_LINE') this.counts.fixedLine++;
      if (entry.type === 'FIXED_LINE' || entry.extension !== undefined) entry.warning = warningOf(entry);
    }
  }

  /** The analysis of the whole text. */
  finish(): DestinationAnalysis {
    const analysis: DestinationAnalysis = { entries: this.entries, counts: this.counts, unique: this.unique, format: this.format };
    if (this.column !== undefined) analysis.column = this.column;
    if (this.headerless) analysis.headerless = true;
    return analysis;
  }
}
