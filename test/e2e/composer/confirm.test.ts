import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../src/sandbox';
import type { SandboxServer } from '../../../src/sandbox/types';
import { useE2eSession } from '../../harness/e2eSession';
import { addCustomProfile } from '../battery/workbenchUi';
import { ComposerPage } from './composerPage';

const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';

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
    const { authId, authToken } = sandbox.accounts[0];
    await addCustomProfile(session(), { name: 'Proxy e2e', baseUrl: sandbox.baseUrl, authId, authToken, sender: '14155550123', region: 'US' });
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
