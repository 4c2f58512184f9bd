// The delivery report of a sandbox send of 200 numbers (99 US with the sandbox's magic failures,
// 101 UK), opened from the send's inline action in the Sends view: it fills in live as the
// auto-refresh reads the statuses, shows the counts per state, country and error code, and a
// failure's button reveals its item in the Sends tree. Its screenshot is the README's.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { projectRoot } from '../../harness/paths';
import { findWebviewFrame } from '../../harness/webview';
import { clickRowAction } from '../battery/workbenchUi';
import { ComposerPage } from '../composer/composerPage';
import { useSandboxSession } from '../sandboxSession';

// 201 555 0100–0198: 0130–0139 fail with 30, 0150 fails with 50, 0170 and 0180 are undelivered
// with 70 and 80, 0190 stays sent (0199, delivered only after 30 s, is left out).
const US = Array.from({ length: 99 }, (_, i) => `+1201555${String(100 + i).padStart(4, '0')}`);
const UK = Array.from({ length: 101 }, (_, i) => `+447400123${String(i).padStart(3, '0')}`);
const FAILS_50 = '+12015550150';

declare const document: { querySelector(selector: string): { textContent: string | null } | null };

/** The text of each selector, once every one shows what `expected` says. */
async function waitForTexts(frame: Frame, expected: Record<string, string>, timeoutMs: number): Promise<void> {
  try {
    await frame.waitForFunction((want) => Object.entries(want).every(([selector, text]) => document.querySelector(selector)?.textContent === text), expected, { timeout: timeoutMs });
  } catch {
    const shown = await frame.evaluate((want) => Object.fromEntries(Object.keys(want).map((selector) => [selector, document.querySelector(selector)?.textContent ?? null])), expected);
    assert.deepEqual(shown, expected, 'the report shows these numbers');
  }
}

describe('Delivery report of a send', function () {
  this.timeout(180_000);
  const { session } = useSandboxSession('delivery-report', { messagesPerSecond: 1000, timings: { sentAfterMs: 100, deliveredAfterMs: 400 } });
  let report: Frame;

  it('opens from the send in the Sends view and fills in per state, country and error code as statuses arrive', async () => {
    const composer = await ComposerPage.open(session());
    await composer.frame.locator('#sender').fill('14155550100');
    await composer.frame.locator('#text').fill('Report e2e');
    // A CSV with a name column: the preview and the Sends tree show each number's name.
    await composer.pasteDestinations(['name,phone', ...[...US, ...UK].map((number, i) => `Customer ${i + 1},${number}`)].join('\n'));
    await composer.waitForSummary(/^200 entries: /);
    await composer.frame.locator('tr', { hasText: US[0] }).locator('.row-name', { hasText: /^Customer 1$/ }).first().waitFor({ timeout: 10_000 });
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Sent: 200 messages queued/, 30_000);
    await composer.click('#open-sends');

    await clickRowAction(session(), 'Report e2e', 'Show Delivery Report');
    report = await findWebviewFrame(session().workbench.page, '#report[aria-busy="false"]');
    await waitForTexts(report, {
      '#count-delivered': '186',
      '#count-failed': '11',
      '#count-undelivered': '2',
      '#count-sent': '1',
      '#count-queued': '0',
      '#countries tr[data-key="US"] td:nth-of-type(1)': '99',
      '#countries tr[data-key="US"] td:nth-of-type(3)': '13',
      '#countries tr[data-key="GB"] td:nth-of-type(1)': '101',
      '#countries tr[data-key="GB"] td:nth-of-type(2)': '101',
      '#error-codes tr[data-key="30"] td:nth-of-type(2)': '10',
      '#error-codes tr[data-key="30"] td:nth-of-type(1)': 'spam detected',
      '#error-codes tr[data-key="50"] td:nth-of-type(2)': '1',
      '#error-codes tr[data-key="70"] td:nth-of-type(2)': '1',
      '#error-codes tr[data-key="80"] td:nth-of-type(2)': '1',
    }, 90_000);
    assert.equal(await report.locator('#failures button.failure').count(), 13);
    assert.equal(await report.locator('#state-chart polyline').count(), 5, 'one line per charted state');
    // The README's picture: no toast over the report, no tooltip over its first lines.
    await session().host.executeCommand('notifications.clearAll');
    await session().workbench.page.mouse.move(900, 600);
    await report.locator('#as-of').hover();
    await session().workbench.page.screenshot({ path: join(projectRoot, 'media', 'screenshots', 'delivery-report.png') });
  });

  it('reveals a failure in the Sends tree from its button, by keyboard', async () => {
    const button = report.locator('#failures button.failure', { hasText: FAILS_50 });
    assert.match((await button.textContent()) ?? '', /failed · error 50 \(invalid destination\)/);
    await button.focus();
    await button.press('Enter');
    const row = session().workbench.page.locator('.monaco-list-row.selected', { hasText: FAILS_50 }).filter({ hasText: 'failed' }).first();
    await row.waitFor({ timeout: 15_000 });
    // Its CSV row's name leads the tree item's description (0150 is the 51st row).
    assert.match((await row.locator('.label-description').textContent()) ?? '', /^Customer 51 · failed · error 50 \(invalid destination\)/);
  });
});
