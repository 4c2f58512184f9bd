import { plivoViewOf, type NumberReader, type Reading } from './numberReader';
import { cleanToken, keyOf, type CleanToken } from './tokenCleaner';
import type { AnalysedDestination, DestinationAnalysis, DestinationCounts, NumberType, PlivoView } from './types';

export const FIXED_LINE_WARNING = 'fixed line: probably cannot receive SMS';

/** The warning of a unique valid entry: a fixed line, an extension left out, or both. */
export function warningOf(entry: { type?: NumberType; extension?: string }): string | undefined {
  const extension = entry.extension === undefined ? undefined : `extension ${entry.extension} left out: SMS cannot reach an extension`;
  if (entry.type !== 'FIXED_LINE') return extension;
  return extension === undefined ? FIXED_LINE_WARNING : `${FIXED_LINE_WARNING}; ${extension}`;
}

/**
 * What the analysis knows about one distinct key (`+digits` / `digits`): its reading, once needed,
 * and — when the key is itself an E.164 number — the index of the first entry with that number.
 */
interface Memo {
  reading: Reading | undefined;
  firstIndex: number;
}

/**
 * Classifies tokens in input order: valid, invalid, or duplicate of an earlier valid number (by
 * E.164). One map serves as both the reading cache (each distinct spelling is parsed once) and the
 * duplicate index: most pasted numbers are already E.164, so one lookup does both jobs.
 */
export class AnalysisBuilder {
  private readonly entries: AnalysedDestination[] = [];
  private readonly memos = new Map<string, Memo>();
  private readonly unique: string[] = [];
  private readonly counts: DestinationCounts = { total: 0, valid: 0, invalid: 0, duplicate: 0, ambiguous: 0, fixedLine: 0 };

  constructor(private readonly text: string, private readonly reader: NumberReader) {}

  /** True when the token reads as a valid number (used to decide how space-separated pieces group). */
  isNumber(raw: string): boolean {
    const key = keyOf(cleanToken(raw));
    return key !== undefined && this.readingOf(this.memoOf(key), key).valid;
  }

  /** Adds the token at `text[offset, offset + length)`; line and column are 0-based. */
  add(offset: number, length: number, line: number, column: number): void {
    const input = this.text.slice(offset, offset + length);
    const cleaned = cleanToken(input);
    const token = typeof cleaned === 'string' ? undefined : cleaned;
    const key = token === undefined ? cleaned as string : token.key;
    const memo = key === undefined ? undefined : this.memoOf(key);
    const reading: Reading = memo === undefined || key === undefined
      ? { valid: false, reason: token?.reason ?? 'not a phone number' }
      : this.readingOf(memo, key);
    const index = this.entries.length;
    const position = { offset, line, column, length };
    this.counts.total++;
    if (!reading.valid) {
      const invalid: AnalysedDestination = { index, input, position, status: 'invalid', reason: reading.reason };
      if (token?.notes !== undefined) invalid.notes = token.notes;
      this.entries.push(invalid);
      this.counts.invalid++;
      return;
    }
    // One literal with the common fields keeps entries small and of one shape (100,000-line lists).
    const entry: AnalysedDestination = {
      index, input, position, status: 'valid',
      e164: reading.e164, country: reading.country, type: reading.type, readAsNational: reading.readAsNational,
    };
    this.entries.push(entry);
    if (token !== undefined || reading.notes !== undefined || reading.plivo !== undefined) describeReading(entry, input, reading, token);
    const number = reading.e164 === key && memo !== undefined ? memo : this.memoOf(reading.e164);
    if (number.firstIndex >= 0) {
      entry.status = 'duplicate';
      entry.duplicateOf = number.firstIndex;
      this.counts.duplicate++;
      return;
    }
    number.firstIndex = index;
    this.unique.push(reading.e164);
    this.counts.valid++;
    if (entry.ambiguous === true) this.counts.ambiguous++;
    if (reading.type === 'FIXED_LINE') this.counts.fixedLine++;
    if (reading.type === 'FIXED_LINE' || entry.extension !== undefined) entry.warning = warningOf(entry);
  }

  private memoOf(key: string): Memo {
    let memo = this.memos.get(key);
    if (memo === undefined) this.memos.set(key, (memo = { reading: undefined, firstIndex: -1 }));
    return memo;
  }

  private readingOf(memo: Memo, key: string): Reading {
    memo.reading ??= this.reader.readKey(key);
    return memo.reading;
  }

  /** The finished analysis. */
  finish(format: DestinationAnalysis['format'], column?: string, note?: string): DestinationAnalysis {
    const analysis: DestinationAnalysis = { entries: this.entries, counts: this.counts, unique: this.unique, format };
    if (column !== undefined) analysis.column = column;
    if (note !== undefined) analysis.note = note;
    return analysis;
  }
}

/**
 * Adds what the reading changed and how Plivo would read the raw token. A token that Plivo sees
 * exactly as its key shares the key's view; otherwise (guards, invisible characters, an extension …)
 * the raw token itself is what Plivo would get.
 */
function describeReading(entry: AnalysedDestination, input: string, reading: Reading & { valid: true }, token: CleanToken | undefined): void {
  const notes = token?.notes === undefined ? reading.notes : reading.notes === undefined ? token.notes : [...reading.notes, ...token.notes];
  if (notes !== undefined) entry.notes = notes;
  if (token?.extension !== undefined) entry.extension = token.extension;
  const plivo: PlivoView | undefined = token === undefined || token.plivoSeesKey ? reading.plivo : plivoViewOf(input, reading.e164);
  if (plivo === undefined) return;
  entry.plivo = plivo;
  if (!plivo.accepts) return;
  entry.ambiguous = true;
  entry.plivoReading = plivo.e164;
  const place = plivo.country === undefined ? '' : ` (${plivo.country})`;
  entry.reason = reading.plivoReading === plivo.e164 && reading.reason !== undefined
    ? reading.reason
    : `ambiguous: read as ${entry.e164}, but Plivo reads "${input}" as ${plivo.e164}${place}`;
}
