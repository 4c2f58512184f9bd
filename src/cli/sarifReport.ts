import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { DestinationAnalysis } from '../core/destinations/types';
import { checkProblems, PROBLEM_RULES, type CheckProblem, type ProblemRuleId } from './checkProblems';

/** Results per chunk handed to the writer: a big list streams out instead of becoming one huge string. */
const CHUNK_RESULTS = 1000;
const RULE_IDS = Object.keys(PROBLEM_RULES) as ProblemRuleId[];
const INFORMATION_URI = 'https://github.com/bulk-messaging-workbench/bulk-messaging-workbench';

/**
 * `check --format sarif`: a SARIF 2.1.0 log with one result per problem, located by line and column
 * in `source` (as given, so a path relative to the repository root stays one), for code-scanning uploads.
 */
export function* sarifReport(analysis: DestinationAnalysis, source: string): Generator<string> {
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bulk-messaging', informationUri: INFORMATION_URI, rules: RULE_IDS.map(describeRule) } },
        // The analysis counts UTF-16 code units, which is also SARIF's default column unit.
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const uri = artifactUri(source);
  const [head, tail] = JSON.stringify(log).split('"results":[]');
  yield `${head}"results":[`;
  let batch: string[] = [];
  let first = true;
  const flush = (): string => {
    const text = `${first ? '\n' : ',\n'}${batch.join(',\n')}`;
    first = false;
    batch = [];
    return text;
  };
  for (const problem of checkProblems(analysis)) {
    batch.push(JSON.stringify(toResult(problem, uri)));
    if (batch.length === CHUNK_RESULTS) yield flush();
  }
  if (batch.length > 0) yield flush();
  yield `\n]${tail}\n`;
}

function describeRule(id: ProblemRuleId): ReportingDescriptor {
  const rule = PROBLEM_RULES[id];
  return {
    id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.help },
    help: { text: rule.help },
    defaultConfiguration: { level: rule.level },
  };
}

function toResult(problem: CheckProblem, uri: string): Result {
  return {
    ruleId: problem.ruleId,
    ruleIndex: RULE_IDS.indexOf(problem.ruleId),
    level: problem.level,
    message: { text: problem.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: {
            startLine: problem.line,
            startColumn: problem.column,
            ...(problem.endColumn === undefined ? {} : { endColumn: problem.endColumn }),
            charOffset: problem.offset,
            charLength: problem.length,
          },
        },
      },
    ],
  };
}

/** A relative path stays relative (forward slashes, URI-escaped); an absolute one becomes a file URI. */
function artifactUri(source: string): string {
  if (source === '-') return 'stdin';
  if (/^([a-zA-Z]:)?[\\/]/.test(source)) return pathToFileURL(source).href;
  return source.split(/[\\/]/).map(encodeURIComponent).join('/');
}
