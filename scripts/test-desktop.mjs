// `npm run test:desktop`: the same integration suites (out/test/integration) in desktop VS Code through
// @vscode/test-electron — for developers whose machine can download VS Code; CI here cannot and uses
// code-server instead (`npm run test:integration`). On a Linux machine without a display run it as
// `xvfb-run -a npm run test:desktop`. VSCODE_TEST_VERSION picks the build (default: the one code-server
// 4.100.3 embeds, so both layers see the same VS Code). Prints "N passed, N failed" like scripts/test.mjs.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { projectRoot } from './lib/paths.mjs';

const version = process.env.VSCODE_TEST_VERSION ?? '1.100.3';
const runDir = join(projectRoot, '.test-runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-desktop`);
mkdirSync(runDir, { recursive: true });

let exitCode = 0;
try {
  exitCode = await runTests({
    version,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: join(projectRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [
      join(projectRoot, 'samples'),
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--user-data-dir',
      join(runDir, 'user-data'),
    ],
    extensionTestsEnv: { BULK_MESSAGING_TEST_RUN_DIR: runDir },
  });
} catch (error) {
  console.error(`test:desktop: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
}

let counts = { passed: 0, failed: 0 };
try {
  counts = JSON.parse(readFileSync(join(runDir, 'integration-results.json'), 'utf8'));
} catch {
  console.error('test:desktop: the tests entry wrote no results (VS Code did not start, or the download failed).');
  counts.failed = Math.max(counts.failed, 1);
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(exitCode !== 0 || counts.failed > 0 || counts.passed === 0 ? 1 : 0);
