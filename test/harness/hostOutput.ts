import { format } from 'node:util';

/** Prefix the tests entry puts on mocha's lines so the runner can tell them from workbench logging. */
export const TEST_OUTPUT_MARK = '[bulk-messaging-tests] ';

/**
 * The workbench hands `codeAutomationLog` the console arguments as a JSON array
 * (`["  %d passing (%s)", 2, "49ms"]`); this turns them back into the printed line.
 */
export function formatAutomationMessage(message: string): string {
  try {
    const args: unknown = JSON.parse(message);
    if (Array.isArray(args)) return format(...args);
  } catch {
    // Not JSON: already plain text.
  }
  return message;
}

/** What a test runner prints of the workbench log: the tests' own lines, plus errors. */
export function printTestOutput(level: string, line: string): void {
  if (line.startsWith(TEST_OUTPUT_MARK)) console.log(line.slice(TEST_OUTPUT_MARK.length));
  else if (level === 'error') console.error(`  [vscode ${level}] ${line.split('\n')[0]}`);
}
