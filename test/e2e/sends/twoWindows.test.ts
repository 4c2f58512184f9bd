// Two windows on one code-server (one user-data dir, so one globalStorage folder and one globalState),
// each a browser tab with its own extension host: sends made in either window are kept and shown in
// both windows' Sends views, and profiles added in either window are kept and listed in both.
import * as assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { E2eSession } from '../../harness/e2eSession';
import { connectHostDriver } from '../../harness/hostClient';
import { formatAutomationMessage } from '../../harness/hostOutput';
import { HOST_DRIVER_FILE } from '../../harness/runContract';
import { screenshot } from '../../harness/workbench';
import { addCustomProfile } from '../battery/workbenchUi';
import { ComposerPage } from '../composer/composerPage';
import { useSandboxSession } from '../sandboxSession';

const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';
const VIEW = 'workbench.view.extension.bulkMessaging';
/** How long the other window may take to show what one window stored (the stores poll every second). */
const SEEN_WITHIN_MS = 20_000;

/**
 * Opens a second tab of the same browser on the session's workbench URL: the same code-server and
 * user-data dir, a new window with its own extension host and host driver. Each driver writes its
 * address to RUN/host-driver.json; the first one is connected already, so the file is removed and
 * waited for again.
 */
async function openSecondWindow(first: E2eSession): Promise<E2eSession> {
  const { workbench } = first;
  const driverFile = join(workbench.runDir, HOST_DRIVER_FILE);
  const firstDriver = readFileSync(driverFile, 'utf8');
  rmSync(driverFile);
  const page = await workbench.page.context().newPage();
  const log = join(workbench.runDir, 'workbench-second-window.log');
  // The workbench looks for these once, at startup (as browser.ts does for the first page).
  await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) =>
    appendFileSync(log, `[${level}] ${formatAutomationMessage(typeof message === 'string' ? message : JSON.stringify(message))}\n`),
  );
  await page.exposeFunction('codeAutomationExit', () => undefined);
  await page.goto(workbench.url);
  const host = await connectHostDriver(workbench.runDir);
  // Another port and token: another extension host, not the first window's reached twice.
  assert.notEqual(readFileSync(driverFile, 'utf8'), firstDriver, 'the second window has its own host driver');
  return {
    host,
    workbench: { ...workbench, page, screenshot: (name) => screenshot(page, name), stop: async () => page.close() },
  };
}

/** Waits until the window's status bar names `profile` as the active one. */
async function waitForActiveProfile(page: Page, profile: string, timeoutMs = SEEN_WITHIN_MS): Promise<number> {
  const started = Date.now();
  await page.locator('.statusbar-item', { hasText: profile }).first().waitFor({ timeout: timeoutMs });
  return Date.now() - started;
}

/** Opens Switch Profile in the window and returns the labels of its quick-pick rows (then closes it). */
async function switchProfileLabels(window: E2eSession): Promise<string[]> {
  const { page } = window.workbench;
  const switched = window.host.executeCommand('bulkMessaging.profiles.switch');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: 'Switch to which profile?' }).waitFor({ timeout: 15_000 });
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ timeout: 10_000 });
  // A row's first label is the profile's name (the Auth ID detail line has a label of its own).
  const labels: string[] = [];
  for (const row of await rows.all()) labels.push((await row.locator('.label-name').first().innerText()).trim());
  // The picker ends with its actions (Add Profile…, Import from Environment…): not profiles.
  const profiles = labels.filter((label) => !label.endsWith('…'));
  await widget.locator('input.input').press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  await switched;
  return profiles;
}

/** Polls Switch Profile until its rows include every one of `names` (the list is read when it opens). */
async function waitForProfilesListed(window: E2eSession, names: readonly string[], timeoutMs = SEEN_WITHIN_MS): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const labels = await switchProfileLabels(window);
    if (names.every((name) => labels.includes(name))) return labels;
    if (Date.now() > deadline) throw new Error(`Switch Profile lists ${JSON.stringify(labels)}, not all of ${JSON.stringify(names)}`);
  }
}

describe('two windows', function () {
  this.timeout(180_000);
  const { sandbox, session } = useSandboxSession('two-windows', { messagesPerSecond: 100, timings: { sentAfterMs: 100, deliveredAfterMs: 300 } });

  describe('on one code-server and user-data dir', () => {
    let windowA: E2eSession;
    let windowB: E2eSession;

    before(async function () {
      this.timeout(120_000);
      windowA = session();
      windowB = await openSecondWindow(windowA);
    });

    afterEach(async function () {
      const test = this.currentTest;
      if (test?.state === 'failed' && windowB) console.error(`    screenshot (window B): ${await windowB.workbench.screenshot(`e2e-${test.fullTitle()}-window-B`)}`);
    });

    after(async function () {
      this.timeout(30_000);
      await windowB?.host.finish().catch(() => undefined);
      await windowB?.workbench.stop().catch(() => undefined);
    });

    it('both windows send; both sends are kept and shown in both Sends views', async () => {
      const posts = () => sandbox().requestLog().counts[SEND_ROUTE] ?? 0;
      const before = posts();
      const composerA = await ComposerPage.open(windowA);
      const composerB = await ComposerPage.open(windowB);
      // Both Sends views are open (and empty) before anything is sent: what shows up later in a
      // window was noticed while it was open, not read when the view first loaded.
      for (const window of [windowA, windowB]) {
        await window.host.executeCommand(VIEW);
        await window.workbench.page.getByText('No sends yet.').first().waitFor({ timeout: 20_000 });
      }
      const send = async (composer: ComposerPage, text: string, destination: string): Promise<number> => {
        await composer.frame.locator('#sender').fill('14155550100');
        await composer.frame.locator('#text').fill(text);
        await composer.pasteDestinations(destination);
        await composer.waitForSummary(/^1 entry: |^1 entries: /);
        await composer.click('#send');
        await composer.waitForText('#result-heading', /Sent: 1 message queued/, 30_000);
        return Date.now();
      };
      const seen = async (window: E2eSession, text: string, sentAt: number): Promise<number> => {
        await window.workbench.page.locator('.monaco-list-row', { hasText: text }).filter({ hasText: 'Local sandbox' }).first().waitFor({ timeout: SEEN_WITHIN_MS });
        return Date.now() - sentAt;
      };
      /** Sends, then waits for the send's row in both windows, timed from the composer's "Sent". */
      const sendAndSee = async (composer: ComposerPage, text: string, destination: string) => {
        const sentAt = await send(composer, text, destination);
        const [inA, inB] = await Promise.all([seen(windowA, text, sentAt), seen(windowB, text, sentAt)]);
        return { inA, inB };
      };
      // At the same time: each window stores its send while the other one is storing its own.
      const [fromA, fromB] = await Promise.all([
        sendAndSee(composerA, 'From window A', '+12015550111'),
        sendAndSee(composerB, 'From window B', '+12015550112'),
      ]);
      assert.equal(posts() - before, 2, 'one POST per window');
      console.log(`    two windows, ms from "Sent" to the row: A's send in A ${fromA.inA}, in B ${fromA.inB}; B's send in B ${fromB.inB}, in A ${fromB.inA}`);

      // Kept: one file per send in the shared globalStorage, and both rows still there after the
      // auto-refresh moved the states on (delivered), in both windows.
      const sendsDir = join(windowA.workbench.runDir, 'user-data', 'User', 'globalStorage', 'bulk-messaging-workbench.bulk-messaging-workbench', 'sends');
      assert.ok(existsSync(sendsDir), `${sendsDir} exists`);
      assert.equal(readdirSync(sendsDir).filter((name) => name.endsWith('.jsonl')).length, 2, 'two stored sends');
      for (const window of [windowA, windowB]) {
        for (const text of ['From window A', 'From window B']) {
          await window.workbench.page.locator('.monaco-list-row', { hasText: text }).filter({ hasText: 'delivered' }).first().waitFor({ timeout: 30_000 });
        }
      }
    });

    it('profiles added in both windows are kept and listed in both', async () => {
      const profile = (name: string) => ({ name, baseUrl: sandbox().baseUrl, authId: sandbox().accounts[0].authId, authToken: sandbox().accounts[0].authToken, sender: '14155550100' });
      // Adding makes the profile active: the other window's status bar shows it once it saw the change.
      await addCustomProfile(windowA, profile('Window A profile'));
      const bSawA = await waitForActiveProfile(windowB.workbench.page, 'Window A profile');
      await addCustomProfile(windowB, profile('Window B profile'));
      const aSawB = await waitForActiveProfile(windowA.workbench.page, 'Window B profile');
      console.log(`    two windows, profile seen by the other window after (ms): B saw A's ${bSawA}, A saw B's ${aSawB}`);

      const expected = ['Local sandbox', 'Window A profile', 'Window B profile'];
      for (const window of [windowA, windowB]) {
        const labels = await waitForProfilesListed(window, expected);
        assert.deepEqual([...labels].sort(), expected, `exactly these profiles in ${window === windowA ? 'window A' : 'window B'}`);
      }
    });
  });
});
