import type { DestinationAnalysis } from '../core/destinations/types';
import { summary } from './checkReport';
import { checkProblems, PROBLEM_RULES, type ProblemLevel } from './checkProblems';

/** Annotation lines per chunk handed to the writer. */
const CHUNK_LINES = 1000;
/** GitHub's workflow commands have no "note": a duplicate is a notice. */
const COMMAND: Record<ProblemLevel, string> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * `check --format github`: one workflow command per problem (`::error file=…,line=…,col=…::…`), which
 * GitHub Actions shows as annotations on the file, then the usual summary as plain log lines.
 */
export function* githubAnnotations(analysis: DestinationAnalysis, source: string): Generator<string> {
  const file = source === '-' ? undefined : source;
  let lines: string[] = [];
  for (const problem of checkProblems(analysis)) {
    const properties: Array<[string, string | number | undefined]> = [
      ['file', file],
      ['line', problem.line],
      ['col', problem.column],
      ['endColumn', problem.endColumn],
      ['title', PROBLEM_RULES[problem.ruleId].summary],
    ];
    const list = properties.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
    lines.push(`::${COMMAND[problem.level]} ${list.join(',')}::${escapeData(problem.message)}\n`);
    if (lines.length === CHUNK_LINES) {
      yield lines.join('');
      lines = [];
    }
  }
  yield `${lines.join('')}${summary(analysis)}\n`;
}

/** As @actions/core escapes a command's message: `%`, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value additionally may not hold the `:` and `,` that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
