import * as assert from 'node:assert/strict';
import { waitFor } from '../../helpers/waitFor';
import { answer } from '../battery/workbenchUi';
import { useSandboxSession } from '../sandboxSession';
import { ComposerPage } from './composerPage';

const PRICING_ROUTE = 'GET /v1/Account/{auth_id}/Pricing/';

// Copy as… and Estimate clicked in the real composer webview, against a sandbox this process runs.
describe('composer: copy as code and estimate', function () {
  this.timeout(120_000);
  const { sandbox: server, session } = useSandboxSession('composer-devloop');
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
    await composer.frame.locator('#sender').fill('14155550100');
    await composer.frame.locator('#text').fill('Café at 9: "50% off" {today} $5');
    await composer.pasteDestinations('+14155550101\n+14155550102\n+447400123456\n+14155550101');
    await composer.waitForSummary(/will be sent/);
  });

  it('Estimate shows destinations per country, cost from the sandbox prices and the time', async () => {
    await composer.click('#estimate');
    const lines = await composer.waitForText('#estimate-lines', /Estimated cost: \$/, 20_000);
    assert.match(lines, /Destinations: 3 unique \(US 2 × 1 × \$0\.00500, GB 1 × 1 × \$0\.04000\)/);
    assert.match(lines, /Estimated cost: \$0\.05/);
    assert.equal(server().requestLog().counts[PRICING_ROUTE], 2, 'one price request per country');
    // The next change clears the estimate: it no longer describes the draft.
    await composer.frame.locator('#text').fill('Changed');
    await composer.frame.locator('#estimate-lines').waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('Copy as… curl opens the request as a shell script in an untitled editor', async () => {
    const page = session().workbench.page;
    await composer.click('#copy-as');
    await answer(page, 'Copy as…', 'curl');
    await answer(page, 'Copy as code', 'Open in Untitled Editor');
    const script = await waitFor(
      async () => (await session().host.documents()).find((d) => d.languageId === 'shellscript' && d.text.startsWith('#!/bin/sh'))?.text,
      15_000,
      'an untitled shell script',
      200,
    );
    assert.ok(script.includes(`BASE_URL='${server().baseUrl}'`));
    assert.ok(script.includes('14155550101<14155550102<447400123456'));
    assert.ok(!script.includes(server().accounts[0].authToken));
  });
});
