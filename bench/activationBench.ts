// Benchmark P4 (activation): VS Code's own activation time for this extension — code loading plus
// the synchronous activate() call, as Developer: Show Running Extensions reports it — in the real
// extension host (code-server's VS Code, driven by the test harness), beside a floor extension that
// carries only the design's dependencies, bundled the same way, and only creates an output channel
// and registers a command (dependencyFloor.ts). Activation happens once per host, so each sample is
// a fresh workbench session.
//
// Opening a number list or a code file activates this extension together with the JSON and
// TypeScript features and git, and their loading inflates every activation measured then. To time
// the extension's own cost, the session loads a copy of it (same dist/ bundle, same
// contributions) whose only activation events are the implicit onCommand ones, waits until startup
// has settled, and activates the floor and the copy one after the other by running a command of each.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { connectHostDriver } from '../test/harness/hostClient';
import { createRunDir, projectRoot } from '../test/harness/paths';
import { startWorkbench } from '../test/harness/workbench';
import { EXTENSION_ID } from '../test/integration/extensionId';
import type { BenchRow } from './benchRow';
import { FLOOR_COMMAND, FLOOR_NAME, writeFloorExtension } from './dependencyFloor';
import { median } from './median';

/** A command of the extension that is harmless with nothing open (it says to open a file). */
const EXTENSION_COMMAND = 'bulkMessaging.validateNumbers';
const SESSIONS = 5;
const SETTLE_MS = 4000;
/** Activation may take this many times the floor's: the dependencies are the floor's, the rest is ours. */
const TARGET_RATIO = 1.5;

/** This extension as built, activated only through its commands (see the comment at the top). */
function writeExtensionCopy(dir: string): void {
  for (const part of ['dist', 'media']) cpSync(join(projectRoot, part), join(dir, part), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, activationEvents: [] }, null, 2));
}

/** "Activation: 12ms" (or "Startup Activation: …") of the named extension in the Running Extensions editor. */
async function reportedActivation(page: Page, name: string): Promise<number | undefined> {
  const text = await page.locator('.runtime-extensions-editor').innerText({ timeout: 5000 }).catch(() => '');
  const lines = text.split('\n').map((line) => line.trim());
  const at = lines.indexOf(name);
  if (at < 0) return undefined;
  for (const line of lines.slice(at + 1, at + 6)) {
    const match = /Activation: (\d+(?:\.\d+)?)\s*ms/.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

async function oneSession(index: number): Promise<{ ours: number; floor: number }> {
  const scratch = createRunDir('bench-activation-assets');
  const floorDir = join(scratch, 'floor-extension');
  const extensionDir = join(scratch, 'extension');
  const folder = join(scratch, 'workspace');
  await writeFloorExtension(floorDir);
  writeExtensionCopy(extensionDir);
  mkdirSync(folder, { recursive: true });
  const workbench = await startWorkbench({
    label: 'bench-activation',
    folder,
    extensionDevelopmentPath: extensionDir,
    extensionTestsPath: join(projectRoot, 'out', 'test', 'harness', 'hostDriver.js'),
    installExtensions: [floorDir],
  });
  try {
    const host = await connectHostDriver(workbench.runDir);
    await sleep(SETTLE_MS);
    // Alternate the order, so neither always runs first after the quiet period.
    const commands = index % 2 === 0 ? [FLOOR_COMMAND, EXTENSION_COMMAND] : [EXTENSION_COMMAND, FLOOR_COMMAND];
    for (const command of commands) {
      await host.executeCommand(command);
      await sleep(500);
    }
    await host.executeCommand('workbench.action.showRuntimeExtensions');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ours = await reportedActivation(workbench.page, EXTENSION_ID);
      const floor = await reportedActivation(workbench.page, FLOOR_NAME);
      if (ours !== undefined && floor !== undefined) {
        await host.finish().catch(() => undefined);
        return { ours, floor };
      }
      if (Date.now() > deadline) throw new Error(`Running Extensions never showed both activation times; run folder ${workbench.runDir}`);
      await sleep(500);
    }
  } finally {
    await workbench.stop();
  }
}


/** Activation of the built extension (dist/extension.js) in the extension host, vs the floor extension. */
export async function runActivationBench(): Promise<BenchRow[]> {
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const times = await oneSession(i);
    ours.push(times.ours);
    floor.push(times.floor);
  }
  const value = median(ours);
  const baseline = median(floor);
  const ratio = Math.round((value / Math.max(baseline, 1)) * 100) / 100;
  return [
    {
      id: 'activation-host',
      name: 'Activation in the extension host (code loading + activate(), as Show Running Extensions reports) vs a floor extension',
      value,
      unit: 'ms',
      baseline,
      ratio,
      better: 'lower',
      target: `<= ${TARGET_RATIO}`,
      pass: ratio <= TARGET_RATIO,
      note:
        `code-server 4.100.3 (VS Code 1.100.3), ${SESSIONS} fresh sessions, each activated by a command once startup settled; ` +
        `runs ${ours.join(', ')} ms, floor ${floor.join(', ')} ms`,
    },
  ];
}

if (require.main === module) {
  void runActivationBench().then((rows) => console.table(rows));
}
