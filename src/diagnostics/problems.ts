import type { AnalysedDestination } from '../core';
import { documentPosition, type AnalysedSource } from './sources';

/** The `source` every diagnostic of this extension carries. */
export const DIAGNOSTIC_SOURCE = 'Bulk Messaging';

/** Diagnostic codes: code actions find their diagnostics by these. */
export const ProblemCodes = {
  invalid: 'invalid-number',
  duplicate: 'duplicate',
  national: 'national-number',
  ambiguous: 'ambiguous',
  fixedLine: 'fixed-line',
  extension: 'extension',
  readThrough: 'read-through',
  limit: 'problem-limit',
} as const;

export type ProblemCode = (typeof ProblemCodes)[keyof typeof ProblemCodes];
export type ProblemSeverity = 'error' | 'warning' | 'information';

/** A place in the document: 0-based line and column, length in UTF-16 units. */
export interface Spot {
  line: number;
  column: number;
  length: number;
}

/** One problem to show, independent of VS Code's types. */
export interface Problem {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  spot: Spot;
  /** For duplicates: the first occurrence. */
  related?: { spot: Spot; message: string };
}

export interface ProblemList {
  problems: Problem[];
  /** Problems found, including those past the cap. */
  total: number;
}

export interface ProblemOptions {
  maxProblems: number;
  /** The default region the numbers were read with (named in messages). */
  region?: string;
  /** Setting id named in the cap notice. */
  maxProblemsSetting: string;
}

/** Which problem an entry has, if any: one per entry, the most important one. */
export function problemCodeOf(entry: AnalysedDestination): ProblemCode | undefined {
  if (entry.status === 'invalid') return ProblemCodes.invalid;
  if (entry.status === 'duplicate') return ProblemCodes.duplicate;
  if (entry.ambiguous) return ProblemCodes.ambiguous;
  if (entry.extension !== undefined && entry.warning !== undefined) return ProblemCodes.extension;
  if (entry.warning !== undefined) return ProblemCodes.fixedLine;
  if (entry.notes !== undefined) return ProblemCodes.readThrough;
  if (entry.readAsNational) return ProblemCodes.national;
  return undefined;
}

/**
 * The problems of analysed sources in document order, at most `maxProblems`; when there are more,
 * one information notice stands where the first unshown problem is and says how to see the rest.
 */
export function collectProblems(sources: readonly AnalysedSource[], options: ProblemOptions): ProblemList {
  const problems: Problem[] = [];
  let total = 0;
  let firstHidden: Spot | undefined;
  for (const source of sources) {
    const entries = source.analysis.entries;
    for (const entry of entries) {
      const code = problemCodeOf(entry);
      if (code === undefined) continue;
      total++;
      if (problems.length < options.maxProblems) problems.push(describe(entry, code, entries, source, options.region));
      else firstHidden ??= spotOf(source, entry);
    }
  }
  if (firstHidden !== undefined) {
    problems.push({
      code: ProblemCodes.limit,
      severity: 'information',
      message: `Only the first ${options.maxProblems.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} number problems are shown; `
        + `raise "${options.maxProblemsSetting}" to see more.`,
      spot: firstHidden,
    });
  }
  return { problems, total };
}

/** Document spot of an entry. */
export function spotOf(source: AnalysedSource, entry: AnalysedDestination): Spot {
  const { line, column } = documentPosition(source.origin, entry.position.line, entry.position.column);
  return { line, column, length: entry.position.length };
}

function describe(
  entry: AnalysedDestination, code: ProblemCode, entries: readonly AnalysedDestination[], source: AnalysedSource, region: string | undefined,
): Problem {
  const spot = spotOf(source, entry);
  const e164 = entry.e164 ?? '';
  switch (code) {
    case ProblemCodes.invalid:
      return { code, severity: 'error', spot, message: `Invalid number ${quote(entry.input)}: ${entry.reason ?? 'not a valid number'}.` };
    case ProblemCodes.duplicate: {
      const first = entries[entry.duplicateOf ?? 0];
      const firstSpot = spotOf(source, first);
      return {
        code,
        severity: 'warning',
        spot,
        message: `Duplicate: ${e164} is already on line ${firstSpot.line + 1}; it is sent only once.`,
        related: { spot: firstSpot, message: `First occurrence of ${e164}` },
      };
    }
    case ProblemCodes.ambiguous:
      return {
        code,
        severity: 'warning',
        spot,
        message: `Ambiguous number ${quote(entry.input)}: read as ${e164}${region ? ` (a ${region} number)` : ''}, `
          + `but Plivo reads these digits as ${entry.plivoReading ?? '?'}. Write it with + to be sure.`,
      };
    case ProblemCodes.fixedLine:
      return { code, severity: 'warning', spot, message: `Fixed-line number ${e164}: it probably cannot receive SMS.` };
    case ProblemCodes.extension:
      return { code, severity: 'warning', spot, message: `Sent as ${e164}: ${entry.warning ?? ''}.${asTyped(entry)}` };
    case ProblemCodes.readThrough:
      return { code, severity: 'information', spot, message: `Read ${quote(entry.input)} as ${e164}: ${(entry.notes ?? []).join('; ')}.${asTyped(entry)}` };
    default:
      return {
        code,
        severity: 'information',
        spot,
        message: `National number: sent as ${e164}${region ? ` (default region ${region})` : ''}.`,
      };
  }
}

/** What Plivo would do with the token as typed, when it would reject it (an app sending it raw). */
function asTyped(entry: AnalysedDestination): string {
  return entry.plivo !== undefined && !entry.plivo.accepts ? ` Sent as typed, Plivo would reject it (${entry.plivo.reason}).` : '';
}

/** The token in quotes, shortened so a pasted paragraph does not flood the Problems panel. */
function quote(input: string): string {
  return `"${input.length > 40 ? `${input.slice(0, 39)}…` : input}"`;
}
