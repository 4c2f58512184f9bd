import { join } from 'node:path';
import { connectHostDriver, type HostClient } from './hostClient';
import { printTestOutput } from './hostOutput';
import { projectRoot } from './paths';
import { startWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

/** One browser VS Code per suite, with the host driver loaded so tests can run commands. */
export interface E2eSession {
  readonly workbench: Workbench;
  readonly host: HostClient;
}

/**
 * Registers mocha hooks: starts a session before the suite, screenshots each failed test into
 * test-results/, and stops everything (browser, code-server tree) after the suite.
 * Use the returned getter inside tests: `session().host.executeCommand(…)`.
 */
export function useE2eSession(label: string, options: Partial<WorkbenchOptions> = {}): () => E2eSession {
  let current: E2eSession | undefined;
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(120_000);
    workbench = await startWorkbench({
      label: `e2e-${label}`,
      extensionTestsPath: join(projectRoot, 'out', 'test', 'harness', 'hostDriver.js'),
      onLog: printTestOutput,
      ...options,
    });
    current = { workbench, host: await connectHostDriver(workbench.runDir) };
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      console.error(`    screenshot: ${await workbench.screenshot(`e2e-${test.fullTitle()}`)}`);
    }
  });

  after(async function () {
    this.timeout(30_000);
    await current?.host.finish().catch(() => undefined);
    await workbench?.stop();
  });

  return () => {
    if (!current) throw new Error('the e2e session did not start (see the before hook error)');
    return current;
  };
}
