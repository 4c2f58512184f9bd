// The Sandbox view in the real workbench: a send from the composer appears live (pushed by the
// sandbox's event stream, no polling) under its phone with its text; failing a message from the
// view shows it failed, with the code's meaning, in the view and in the Sends tree.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { answer } from '../battery/workbenchUi';
import { ComposerPage } from '../composer/composerPage';
import { useSandboxSession } from '../sandboxSession';

const PHONE = '+14155550123';
const TEXT = 'Sandbox view e2e: your code is 4242';

/** Rows of the Sandbox view's tree only (the Sends tree shows the same numbers). */
function sandboxRows(page: Page): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Sandbox/ }) }).locator('.monaco-list-row');
}

describe('Sandbox view', function () {
  this.timeout(120_000);
  // Messages stay queued for a minute, so the view's actions act before the simulated carrier does.
  const { sandbox: server, session } = useSandboxSession('sandbox-view', { messagesPerSecond: 100, timings: { sentAfterMs: 60_000, deliveredAfterMs: 300 } });
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  it('a send from the composer appears live under its phone, with its text', async () => {
    const { page } = session().workbench;
    await session().host.executeCommand('bulkMessaging.sandboxInbox.focus');
    await composer.frame.locator('#sender').fill('14155550100');
    await composer.frame.locator('#text').fill(TEXT);
    await composer.pasteDestinations(PHONE);
    await composer.waitForSummary(/^1 entr/);
    const started = Date.now();
    await composer.click('#send');
    const phoneRow = sandboxRows(page).filter({ hasText: PHONE }).first();
    await phoneRow.waitFor({ timeout: 20_000 });
    console.log(`    sandbox view: ${Date.now() - started} ms from the Send click to the phone in the view`);
    await composer.waitForText('#result-heading', /Sent: 1 message/);
    await phoneRow.click();
    if ((await phoneRow.getAttribute('aria-expanded')) === 'false') await phoneRow.press('ArrowRight');
    await sandboxRows(page).filter({ hasText: TEXT }).filter({ hasText: 'queued' }).waitFor({ timeout: 15_000 });
    assert.equal(server().messageCount(), 1);
  });

  it('failing the message from the view shows it failed, with its meaning, in the view and in the Sends tree', async () => {
    const { page } = session().workbench;
    // The row's context menu, as a person uses it.
    const messageRow = sandboxRows(page).filter({ hasText: TEXT }).filter({ hasText: 'queued' }).first();
    await messageRow.click({ button: 'right' });
    await page.locator('.monaco-menu .action-label', { hasText: 'Fail with Error Code…' }).click({ timeout: 10_000 });
    await answer(page, 'Fail with error code', '30');
    await sandboxRows(page).filter({ hasText: TEXT }).filter({ hasText: 'failed · error 30 (spam detected)' }).waitFor({ timeout: 15_000 });
    await session().workbench.screenshot('sandbox-view');

    await composer.click('#open-sends');
    const sendsRow = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Sends/ }) }).locator('.monaco-list-row', { hasText: PHONE });
    await sendsRow.filter({ hasText: 'failed · error 30 (spam detected)' }).first().waitFor({ timeout: 45_000 });
  });
});
