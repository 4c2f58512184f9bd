import * as assert from 'node:assert/strict';
import { answer } from '../battery/workbenchUi';
import { ComposerPage } from '../composer/composerPage';
import { useSandboxSession } from '../sandboxSession';

// What a new user meets before and around a first send: the status-bar profile with no list open,
// the Sends view's welcome, the profile picker's way to add one, and a walkthrough whose steps
// complete as the user does them.
describe('first contact: status bar, welcome view, profile picker and walkthrough', function () {
  this.timeout(150_000);
  const { sandbox, session } = useSandboxSession('first-contact');
  const page = () => session().workbench.page;
  /** The walkthrough's step with this title, its check box ticked. */
  const completeStep = (title: string) => page().locator('.getting-started-step', { hasText: title }).locator('[role="checkbox"][aria-checked="true"]');

  it('shows the active profile in the status bar before any list file is open, with a label for screen readers', async () => {
    const item = page().locator('.statusbar-item').getByRole('button', { name: /^Bulk Messaging profile Local sandbox, no account, no cost\. Switch profile$/ });
    await item.waitFor({ timeout: 30_000 });
    assert.match((await item.textContent()) ?? '', /Local sandbox/);
  });

  it('offers a sample list and a Plivo profile in the empty Sends view', async () => {
    await session().host.executeCommand('workbench.view.extension.bulkMessaging');
    const welcome = page().locator('.welcome-view-content');
    for (const name of ['New Message', 'Open a Sample List', 'Add Plivo Profile']) {
      await welcome.getByRole('button', { name }).waitFor({ timeout: 15_000 });
    }
  });

  it('offers Add Profile… and Import from Environment… in the profile picker', async () => {
    const picking = session().host.executeCommand('bulkMessaging.profiles.switch');
    const widget = page().locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Switch to which profile?' }).waitFor({ timeout: 15_000 });
    const rows = await widget.locator('.quick-input-list .monaco-list-row').allTextContents();
    assert.ok(rows.some((row) => row.includes('Add Profile…')) && rows.some((row) => row.includes('Import from Environment…')), JSON.stringify(rows));
    await widget.locator('input.input').press('Escape');
    await picking;
  });

  it('completes the walkthrough’s steps as the user opens the sample, sends, and looks at the Sends view', async () => {
    const { host } = session();
    await host.executeCommand('bulkMessaging.walkthrough');
    await page().locator('.getting-started-step', { hasText: 'Validate a sample list' }).first().waitFor({ timeout: 20_000 });
    assert.equal(await completeStep('Validate a sample list').count(), 0, 'nothing is complete before the user acts');

    // As a user does it: the walkthrough's own buttons (a command run by the host driver would not count).
    await page().getByRole('button', { name: 'Open a Sample List' }).first().click();
    const deadline = Date.now() + 15_000;
    let sample = (await host.documents()).find((document) => document.text.startsWith('name,phone,city'));
    while (!sample && Date.now() < deadline) sample = (await host.documents()).find((document) => document.text.startsWith('name,phone,city'));
    assert.ok(sample, 'the sample list opened');
    await host.executeCommand('bulkMessaging.newMessage', { destinations: sample.text });
    const composer = await ComposerPage.open(session());
    await composer.frame.locator('#text').fill('Walkthrough send');
    await composer.waitForSummary(/unique numbers will be sent/);
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Sent: \d+ messages queued/, 30_000);

    await host.executeCommand('workbench.action.closeSidebar');
    await host.executeCommand('bulkMessaging.walkthrough');
    await page().locator('.getting-started-step', { hasText: 'Inspect delivery' }).first().click();
    await page().getByRole('button', { name: 'Show Sends' }).first().click();
    await page().locator('.monaco-list-row', { hasText: 'Walkthrough send' }).first().waitFor({ timeout: 15_000 });
    await host.executeCommand('bulkMessaging.walkthrough');
    for (const title of ['Validate a sample list', 'Send it to the Local sandbox', 'Inspect delivery']) {
      await completeStep(title).waitFor({ timeout: 20_000 });
    }
    assert.equal(await completeStep('Add your Plivo profile').count(), 0);
    await session().workbench.screenshot('walkthrough');
  });

  it('adds a profile from the composer’s own link, and the composer switches to it with its sender', async () => {
    const composer = await ComposerPage.open(session());
    await composer.click('#add-profile');
    const { authId, authToken } = sandbox().accounts[0];
    await answer(page(), 'Profile name', 'From the composer');
    await answer(page(), 'Where does this profile send?', 'Custom URL');
    await answer(page(), 'Base URL', sandbox().baseUrl);
    await answer(page(), 'Auth ID', authId);
    await answer(page(), 'Auth token', authToken);
    await answer(page(), 'Default sender', 'MyBrand');
    await answer(page(), 'Default region', '');
    await composer.waitForText('#profile-hint', /Custom endpoint/);
    assert.equal(await composer.frame.locator('#profile option:checked').textContent(), 'From the composer (custom URL)');
    assert.equal(await composer.frame.locator('#sender').inputValue(), 'MyBrand');
  });
});
