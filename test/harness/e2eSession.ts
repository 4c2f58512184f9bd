import { join } from 'node:path';
import { writeDriverExtension } from './driverExtension';
import { connectHostDriver, type HostClient } from './hostClient';
import { printTestOutput } from './hostOutput';
import { createRunDir, projectRoot } from './paths';
import { startWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

/** One browser VS Code per suite, with the host driver loaded so tests can run commands. */
export interface E2eSession {
  readonly workbench: Workbench;
  readonly host: HostClient;
}

/** Session options: the workbench's, plus `dialogs`. */
export interface E2eSessionOptions extends Partial<WorkbenchOptions> {
  /**
   * Let modal dialogs show (e.g. the confirmation before a non-sandbox send): the host driver runs
   * as an installed extension instead of the tests entry, since VS Code refuses modal dialogs while
   * an extension test runs.
   */
  dialogs?: boolean;
}

/**
 * Registers mocha hooks: starts a session before the suite, screenshots each failed test into
 * test-results/, and stops everything (browser, code-server tree) after the suite.
 * Use the returned getter inside tests: `session().host.executeCommand(…)`.
 */
export function useE2eSession(label: string, options: E2eSessionOptions = {}): () => E2eSession {
  let current: E2eSession | undefined;
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(120_000);
    const { dialogs, ...workbenchOptions } = options;
    const driver = dialogs
      ? { installExtensions: [...(options.installExtensions ?? []), writeDriverExtension(createRunDir(`e2e-${label}-driver`))] }
      : { extensionTestsPath: join(projectRoot, 'out', 'test', 'harness', 'hostDriver.js') };
    workbench = await startWorkbench({ label: `e2e-${label}`, onLog: printTestOutput, ...workbenchOptions, ...driver });
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
