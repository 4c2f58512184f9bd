import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTestOutput } from './hostOutput';
import { projectRoot } from './paths';
import { startWorkbench } from './workbench';
import { INTEGRATION_RESULTS_FILE, type IntegrationResults } from './runContract';

/** How long the whole extension-host run may take before it counts as hung and is killed. */
const DEFAULT_TIMEOUT_MS = 180_000;

/** Layer counts, as scripts/test.mjs sums them. */
export interface LayerCounts {
  passed: number;
  failed: number;
  skipped?: number;
}

/**
 * Runs out/test/integration inside a real extension host (code-server + chromium), prints the
 * suites' output, and returns the counts the tests entry wrote into the run folder.
 */
export async function runIntegrationLayer(timeoutMs = Number(process.env.BULK_MESSAGING_TEST_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS): Promise<LayerCounts> {
  const entry = join(projectRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run compile\` first.`);
  const started = Date.now();
  const workbench = await startWorkbench({ label: 'integration', extensionTestsPath: entry, onLog: printTestOutput });
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([workbench.exitCode, timeout]).finally(() => clearTimeout(timer));
    const resultsFile = join(workbench.runDir, INTEGRATION_RESULTS_FILE);
    if (outcome === 'timeout') {
      const shot = await workbench.screenshot('integration-timeout');
      console.error(
        `integration: the extension host did not finish within ${timeoutMs / 1000} s; killed it. ` +
          `Screenshot: ${shot}; code-server log: ${workbench.server.logFile}`,
      );
      return { passed: readResults(resultsFile)?.passed ?? 0, failed: 1 };
    }
    const results = readResults(resultsFile);
    console.log(`integration: extension host exited with ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!results) {
      await workbench.screenshot('integration-no-results');
      console.error(`integration: no ${INTEGRATION_RESULTS_FILE} was written (the tests entry never ran?); log: ${workbench.server.logFile}`);
      return { passed: 0, failed: 1 };
    }
    for (const failure of results.failures) console.error(`  FAILED ${failure.title}: ${failure.error}`);
    // A non-zero exit with no failing test (e.g. the entry threw before mocha) is still a failure.
    return { passed: results.passed, failed: results.failed || (outcome === 0 ? 0 : 1), skipped: results.pending };
  } finally {
    await workbench.stop();
  }
}

function readResults(file: string): IntegrationResults | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as IntegrationResults;
  } catch {
    return undefined;
  }
}
