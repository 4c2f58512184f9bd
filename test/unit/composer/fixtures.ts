// Builders for analysed destinations with real positions, for tests that must not depend on the analyser.
import type { AnalysedDestination, DestinationAnalysis, DestinationStatus, NumberType } from '../../../src/core/destinations/types';

export interface TokenSpec {
  input: string;
  status: DestinationStatus;
  e164?: string;
  type?: NumberType;
  ambiguous?: boolean;
  warning?: string;
}

/** Entries for `specs`, each found in `text` after the previous one (so positions are the text's own). */
export function entriesIn(text: string, specs: TokenSpec[]): AnalysedDestination[] {
  let from = 0;
  let line = 0;
  let lineStart = 0;
  const firstIndexOf = new Map<string, number>();
  return specs.map((spec, index) => {
    const offset = text.indexOf(spec.input, from);
    if (offset < 0) throw new Error(`fixture: ${spec.input} not found after offset ${from}`);
    // Count line breaks between the previous token and this one (linear over the whole text).
    for (let i = text.indexOf('\n', from); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line += 1;
      lineStart = i + 1;
    }
    from = offset + spec.input.length;
    const e164 = spec.e164 ?? (spec.status === 'invalid' ? undefined : `+${spec.input.replace(/\D/g, '')}`);
    const duplicateOf = spec.status === 'duplicate' && e164 ? firstIndexOf.get(e164) : undefined;
    if (e164 && !firstIndexOf.has(e164)) firstIndexOf.set(e164, index);
    return {
      index,
      input: spec.input,
      position: { offset, line, column: offset - lineStart, length: spec.input.length },
      status: spec.status,
      e164,
      reason: spec.status === 'invalid' ? 'not a phone number' : undefined,
      type: spec.type,
      ambiguous: spec.ambiguous,
      duplicateOf,
      warning: spec.warning,
    };
  });
}

/** A whole analysis over `entries`, counted the way the analyser counts. */
export function analysisOf(entries: AnalysedDestination[], format: DestinationAnalysis['format'] = 'list'): DestinationAnalysis {
  const count = (status: DestinationStatus) => entries.filter((entry) => entry.status === status).length;
  return {
    entries,
    counts: {
      total: entries.length,
      valid: count('valid'),
      invalid: count('invalid'),
      duplicate: count('duplicate'),
      ambiguous: entries.filter((entry) => entry.ambiguous).length,
      fixedLine: entries.filter((entry) => entry.type === 'FIXED_LINE').length,
    },
    unique: entries.filter((entry) => entry.status === 'valid').map((entry) => entry.e164 as string),
    format,
  };
}
