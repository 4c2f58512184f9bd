import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSandbox } from '../../../src/sandbox';
import type { SandboxServer } from '../../../src/sandbox/types';
import { useE2eSession } from '../../harness/e2eSession';
import { ComposerPage } from './composerPage';

const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';

/** Answers the quick input whose title is `title` (an input box, or a pick by its label). */
async function answer(page: Page, title: string, text: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
  const input = widget.locator('input.input');
  await input.fill(text);
  await input.press('Enter');
}

// A profile that is not the Local sandbox: a "Custom URL" profile pointing at a sandbox this process
// runs, so what the confirmation lets through (or not) can be counted.
describe('composer: confirmation before sending with a non-sandbox profile', function () {
  this.timeout(120_000);
  let sandbox: SandboxServer;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(async () => sandbox?.close());
  const session = useE2eSession('composer-confirm');
  let composer: ComposerPage;
  const posts = (): number => sandbox.requestLog().counts[SEND_ROUTE] ?? 0;

  before(async () => {
    const { host, workbench } = session();
    const { authId, authToken } = sandbox.accounts[0];
    // Bulk Messaging: Add Profile, answered step by step as a person would.
    const added = host.executeCommand('bulkMessaging.profiles.add');
    await answer(workbench.page, 'Profile name', 'Proxy e2e');
    await answer(workbench.page, 'Where does this profile send?', 'Custom URL');
    await answer(workbench.page, 'Base URL', sandbox.baseUrl);
    await answer(workbench.page, 'Auth ID', authId);
    await answer(workbench.page, 'Auth token', authToken);
    await answer(workbench.page, 'Default sender', '14155550123');
    await answer(workbench.page, 'Default region', 'US');
    await added;
    composer = await ComposerPage.open(session());
  });

  it('opens with the active profile, its sender, and reads national numbers in its region', async () => {
    assert.equal(await composer.frame.locator('#profile option:checked').textContent(), 'Proxy e2e (custom URL)');
    assert.equal(await composer.frame.locator('#sender').inputValue(), '14155550123');
    assert.match(await composer.text('#profile-hint'), /you will be asked to confirm/);
    await composer.frame.locator('#text').fill('Hello');
    await composer.pasteDestinations('4155550100\n+12015550101');
    const summary = await composer.waitForSummary(/^2 entries: /);
    assert.match(summary, /2 valid/);
    assert.match(summary, /national numbers as US \(profile default\)/);
  });

  // VS Code refuses modal dialogs while an extension test runs, so the dialog's words are covered by
  // the unit tests of confirmationText; here: the composer asks before posting, and a refused
  // dialog sends nothing and leaves the composer usable.
  it('asks before posting: when the dialog cannot be shown, nothing is posted and the composer says why', async () => {
    const before = posts();
    await composer.click('#send');
    await composer.waitForSendIdle(30_000);
    assert.match(await composer.text('#send-status'), /^Not sent\.$/);
    assert.match(await composer.text('#notice'), /^Not sent: .*dialog/i);
    assert.equal(posts(), before);
  });
});
