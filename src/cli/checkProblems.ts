import type { AnalysedDestination, DestinationAnalysis } from '../core/destinations/types';

/** The kinds of problem `check` reports in CI formats; each is one SARIF rule. */
export const PROBLEM_RULES = {
  'invalid-number': {
    name: 'InvalidNumber',
    level: 'error',
    summary: 'Not a valid phone number',
    help: 'The entry cannot be sent: fix the number (country code first, or --region for national numbers) or remove it.',
  },
  'ambiguous-number': {
    name: 'AmbiguousNumber',
    level: 'warning',
    summary: 'Number with two readings',
    help: 'The digits are valid both as a national number of the --region country and as an international number; Plivo would read them as international. Write the number with + and its country code.',
  },
  'number-warning': {
    name: 'NumberWarning',
    level: 'warning',
    summary: 'Valid number that may not receive SMS',
    help: 'The number is valid but probably cannot receive SMS as written (for example a fixed line).',
  },
  'duplicate-number': {
    name: 'DuplicateNumber',
    level: 'note',
    summary: 'Number listed more than once',
    help: 'The number appears earlier in the list; it is sent once.',
  },
} as const;

export type ProblemRuleId = keyof typeof PROBLEM_RULES;
export type ProblemLevel = (typeof PROBLEM_RULES)[ProblemRuleId]['level'];

/** One problem at one place in the list; line and column are 1-based, endColumn exclusive. */
export interface CheckProblem {
  ruleId: ProblemRuleId;
  level: ProblemLevel;
  message: string;
  line: number;
  column: number;
  /** Absent when the token spans lines (a quoted CSV cell). */
  endColumn?: number;
  /** 0-based UTF-16 offset and length of the token in the text. */
  offset: number;
  length: number;
}

/** Every problem of the analysis, in list order (an entry may have more than one). */
export function* checkProblems(analysis: DestinationAnalysis): Generator<CheckProblem> {
  for (const entry of analysis.entries) {
    for (const [ruleId, message] of entryProblems(entry, analysis.entries)) {
      const { line, column, offset, length } = entry.position;
      yield {
        ruleId,
        level: PROBLEM_RULES[ruleId].level,
        message,
        line: line + 1,
        column: column + 1,
        endColumn: /[\r\n]/.test(entry.input) ? undefined : column + 1 + length,
        offset,
        length,
      };
    }
  }
}

function entryProblems(entry: AnalysedDestination, entries: AnalysedDestination[]): Array<[ProblemRuleId, string]> {
  const input = JSON.stringify(entry.input.replace(/\s+/g, ' '));
  if (entry.status === 'invalid') return [['invalid-number', `${input} is not a valid number: ${entry.reason ?? 'not a phone number'}.`]];
  if (entry.duplicateOf !== undefined) {
    const first = entries[entry.duplicateOf].position;
    return [['duplicate-number', `${input} repeats ${entry.e164 ?? 'a number'} from line ${first.line + 1}, column ${first.column + 1}; it is sent once.`]];
  }
  const problems: Array<[ProblemRuleId, string]> = [];
  if (entry.ambiguous === true) problems.push(['ambiguous-number', `${input} is ambiguous: ${entry.reason ?? 'it has two readings'}.`]);
  if (entry.warning !== undefined) problems.push(['number-warning', `${input} (${entry.e164 ?? ''}): ${entry.warning}.`]);
  return problems;
}
