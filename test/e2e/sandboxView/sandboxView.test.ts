// The Sandbox view in the real workbench: a send from the composer appears live (pushed by the
// sandbox's event stream, no polling) under its phone with its text; failing a message from the
// view shows it failed, with the code's meaning, in the view and in the Sends tree.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import * as plivo from 'plivo';
import { request } from 'undici';
import { waitFor } from '../../helpers/waitFor';
import { startReceiver } from '../../unit/sandbox/helpers';
import { answer } from '../battery/workbenchUi';
import { ComposerPage } from '../composer/composerPage';
import { useSandboxSession } from '../sandboxSession';

const PHONE = '+14155550123';
const TEXT = 'Sandbox view e2e: your code is 4242';

/** Rows of the Sandbox view's tree only (the Sends tree shows the same numbers). */
/**
 * Runs a row's context-menu action until its quick input opens. A click on the item was seen to
 * leave the menu open with the item highlighted and nothing run, so the item is chosen by keyboard,
 * and the menu opened again if the input still does not show.
 */
async function fromContextMenu(page: Page, row: Locator, action: string, inputTitle: string): Promise<void> {
  const opened = page.locator('.quick-input-widget .quick-input-title', { hasText: inputTitle });
  await waitFor(async () => {
    if (await page.locator('.monaco-menu').isVisible()) await page.keyboard.press('Escape');
    await row.click({ button: 'right' });
    // Hovering focuses the item; Enter runs it (a click can land before the menu takes clicks).
    await page.locator('.monaco-menu .action-label', { hasText: action }).hover({ timeout: 10_000 });
    await page.locator('.monaco-menu .action-item.focused', { hasText: action }).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Enter');
    return opened.waitFor({ timeout: 5_000 }).then(() => true, () => undefined);
  }, 30_000, `the ${action} input`);
}

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
    await fromContextMenu(page, messageRow, 'Fail with Error Code…', 'Fail with error code');
    await answer(page, 'Fail with error code', '30');
    await sandboxRows(page).filter({ hasText: TEXT }).filter({ hasText: 'failed · error 30 (spam detected)' }).waitFor({ timeout: 15_000 });
    await session().workbench.screenshot('sandbox-view');

    await composer.click('#open-sends');
    const sendsRow = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Sends/ }) }).locator('.monaco-list-row', { hasText: PHONE });
    await sendsRow.filter({ hasText: 'failed · error 30 (spam detected)' }).first().waitFor({ timeout: 45_000 });
  });

  it('"Reply STOP" from a phone reaches a test receiver as a signed inbound webhook the plivo SDK accepts', async () => {
    const { page } = session().workbench;
    const receiver = await startReceiver();
    try {
      const inboundUrl = `${receiver.url}/sms/inbound`;
      const { authId, authToken } = server().accounts[0];
      const set = await request(`${server().baseUrl}/__sandbox/inbound`, {
        method: 'PUT',
        headers: { authorization: 'Basic ' + Buffer.from(`${authId}:${authToken}`).toString('base64'), 'content-type': 'application/json' },
        body: JSON.stringify({ url: inboundUrl }),
      });
      assert.equal(set.statusCode, 200);
      await set.body.dump();
      const phoneRow = sandboxRows(page).filter({ hasText: PHONE }).filter({ hasText: /\d+ messages? ·/ }).first();
      await fromContextMenu(page, phoneRow, 'Reply…', `Reply from ${PHONE}`);
      await answer(page, `Reply from ${PHONE}`, 'STOP');
      const hook = await waitFor(() => receiver.received.find((r) => r.url === '/sms/inbound'), 15_000, 'the inbound webhook');
      assert.equal(hook.params.From, PHONE.slice(1));
      assert.equal(hook.params.To, '14155550100');
      assert.equal(hook.params.Text, 'STOP');
      assert.equal(hook.params.MessageIntent, 'optout');
      const header = (name: string) => String(hook.headers[name]);
      assert.ok(plivo.validateV3Signature('POST', inboundUrl, header('x-plivo-signature-v3-nonce'), authToken, header('x-plivo-signature-v3'), hook.params));
      await sandboxRows(page).filter({ hasText: '← STOP' }).waitFor({ timeout: 15_000 });
    } finally {
      await receiver.close();
    }
  });
});
