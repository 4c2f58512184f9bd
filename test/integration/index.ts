// Tests entry that VS Code loads into the extension host (`extensionTestsPath`): runs every compiled
// integration suite with mocha and writes the counts where the node-side runner reads them.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { TEST_OUTPUT_MARK } from '../harness/hostOutput';
import { INTEGRATION_RESULTS_FILE, MARK_OUTPUT_ENV, RUN_DIR_ENV, type IntegrationResults } from '../harness/runContract';

/** Called by VS Code; rejecting makes the workbench report a non-zero exit. */
export async function run(): Promise<void> {
  if (process.env[MARK_OUTPUT_ENV]) {
    // In code-server the reporter's lines reach the runner through the workbench log; the mark sets
    // them apart. Desktop VS Code (test:desktop) prints them to its own stdout as they are.
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(TEST_OUTPUT_MARK + format(...args));
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000, grep: process.env.MOCHA_GREP });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const results: IntegrationResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => results.passed++);
    runner.on('pending', () => results.pending++);
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), error: error?.message ?? String(error) });
    });
  });
  const runDir = process.env[RUN_DIR_ENV];
  if (runDir) writeFileSync(join(runDir, INTEGRATION_RESULTS_FILE), JSON.stringify(results, null, 2));
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
