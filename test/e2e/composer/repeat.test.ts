import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../src/sandbox';
import type { SandboxServer } from '../../../src/sandbox/types';
import { useE2eSession } from '../../harness/e2eSession';
import { ComposerPage } from './composerPage';

const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';
const NUMBERS = ['+12015550111', '+12015550112', '+12015550113'];

// A second Send of an unchanged draft would post the same bulk again. On the Local sandbox too, the
// composer asks first in VS Code's modal dialog (dialogs: true lets it show), naming when and how
// many; declined, the sandbox this process runs receives nothing.
describe('composer: no accidental second send', function () {
  this.timeout(150_000);
  let sandbox: SandboxServer | undefined;
  const env: Record<string, string> = {};
  before(async () => {
    sandbox = await startSandbox({ timings: { sentAfterMs: 50, deliveredAfterMs: 100 } });
    const { authId, authToken } = sandbox.accounts[0];
    Object.assign(env, { BULK_MESSAGING_SANDBOX_URL: sandbox.baseUrl, BULK_MESSAGING_SANDBOX_AUTH_ID: authId, BULK_MESSAGING_SANDBOX_AUTH_TOKEN: authToken });
  });
  after(async () => sandbox?.close());
  const session = useE2eSession('composer-repeat', { env, dialogs: true });
  let composer: ComposerPage;
  const posts = (): number => sandbox?.requestLog().counts[SEND_ROUTE] ?? 0;
  const dialog = () => session().workbench.page.locator('.monaco-dialog-box');

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  it('numbers and times the result, and the button then says "Send again…"', async () => {
    await composer.frame.locator('#text').fill('Repeat me once');
    await composer.pasteDestinations(NUMBERS.join('\n'));
    await composer.waitForSummary(/3 unique numbers will be sent/);
    assert.equal(await composer.text('#send-label'), 'Send');
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Sent: 3 messages queued/, 30_000);
    assert.match(await composer.text('#result-label'), /^Send #1 · \d\d:\d\d$/);
    assert.equal(await composer.text('#send-label'), 'Send again…');
    assert.equal(posts(), 1);
  });

  it('asks before sending the same draft again, naming when and how many; declined, nothing is posted', async () => {
    await composer.click('#send');
    const box = dialog();
    await box.waitFor({ timeout: 15_000 });
    assert.match((await box.textContent()) ?? '', /You already sent this message at \d\d:\d\d today to all 3 of these numbers\. Send it again\?/);
    await box.getByRole('button', { name: 'Cancel' }).click();
    await composer.waitForSendIdle();
    assert.equal(await composer.text('#send-status'), 'Not sent.');
    assert.equal(posts(), 1, 'the declined repeat posted nothing');
    assert.equal(sandbox?.messageCount(), 3);
  });

  it('asks about most of the numbers too, and sends once the user says so: Send #2', async () => {
    // Three of the four numbers were sent: "most of them" is still a repeat.
    await composer.pasteDestinations([...NUMBERS, '+12015550114'].join('\n'));
    await composer.waitForSummary(/4 unique numbers will be sent/);
    await composer.click('#send');
    await dialog().waitFor({ timeout: 15_000 });
    assert.match((await dialog().textContent()) ?? '', /to 3 of these 4 numbers/);
    await dialog().getByRole('button', { name: 'Send Again' }).click();
    await composer.waitForText('#result-heading', /Sent: 4 messages queued/, 30_000);
    assert.match(await composer.text('#result-label'), /^Send #2 · \d\d:\d\d$/);
    assert.equal(posts(), 2);
  });

  it('greys the result as soon as the draft changes, and clears it when the draft is filled from elsewhere', async () => {
    await composer.frame.locator('#text').fill('Something new');
    await composer.frame.locator('#result-stale').waitFor({ state: 'visible', timeout: 5_000 });
    assert.match((await composer.frame.locator('#result').getAttribute('class')) ?? '', /\bstale\b/);
    assert.equal(await composer.text('#send-label'), 'Send');
    // "Preview in Composer" and the CodeLens fill the open composer through the same command.
    await session().host.executeCommand('bulkMessaging.newMessage', { destinations: '+12015550199' });
    await composer.frame.locator('#result').waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await composer.destinations(), '+12015550199');
  });
});
