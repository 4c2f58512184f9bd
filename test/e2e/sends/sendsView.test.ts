// From a click on Send in the real webview to the Sends view in the real workbench: the tree shows
// one item per destination with its UUID, and the sandbox's magic numbers drive the states to
// delivered and failed through the view's own auto-refresh.
import * as assert from 'node:assert/strict';
import { PlivoClient } from '../../../src/core/client';
import { useSandboxSession } from '../sandboxSession';
import { ComposerPage } from '../composer/composerPage';

const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';
const DELIVERS = '+12015550111';
const FAILS_30 = '+12015550131';
const ALSO_DELIVERS = '+12015550112';

describe('Sends view after a send from the composer', function () {
  this.timeout(120_000);
  const { sandbox: server, session } = useSandboxSession('sends-view', { messagesPerSecond: 100, timings: { sentAfterMs: 100, deliveredAfterMs: 300 } });
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  const posts = (): number => server().requestLog().counts[SEND_ROUTE] ?? 0;

  /** UUID of each number, as the sandbox itself recorded them. */
  async function uuidsBySandbox(): Promise<Map<string, string>> {
    const { authId, authToken } = server().accounts[0];
    const client = new PlivoClient({ authId, authToken, baseUrl: server().baseUrl });
    try {
      const list = await client.listMessages({ limit: 20 });
      return new Map(list.body.objects.map((m) => [`+${m.to_number}`, m.message_uuid]));
    } finally {
      await client.close();
    }
  }

  it('shows every destination with its UUID, then delivered and failed states', async () => {
    const { page } = session().workbench;
    await composer.frame.locator('#sender').fill('14155550100');
    await composer.frame.locator('#text').fill('Sends view e2e');
    await composer.pasteDestinations(`${DELIVERS}\n${FAILS_30}\n${ALSO_DELIVERS}`);
    await composer.waitForSummary(/^3 entries: /);
    const started = Date.now();
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Sent: 3 messages queued/);
    assert.equal(posts(), 1);

    await composer.click('#open-sends');
    const uuids = await uuidsBySandbox();
    for (const number of [DELIVERS, FAILS_30, ALSO_DELIVERS]) {
      const uuid = uuids.get(number);
      assert.ok(uuid, `the sandbox knows ${number}`);
      await page.locator('.monaco-list-row', { hasText: number }).filter({ hasText: uuid }).waitFor({ timeout: 20_000 });
    }
    console.log(`    send-to-tree: ${Date.now() - started} ms from the Send click to every UUID in the tree`);

    // Auto-refresh (sandbox sends only) moves the states on without a click.
    await page.locator('.monaco-list-row', { hasText: FAILS_30 }).filter({ hasText: 'failed · error 30 (spam detected)' }).waitFor({ timeout: 30_000 });
    for (const number of [DELIVERS, ALSO_DELIVERS]) {
      await page.locator('.monaco-list-row', { hasText: number }).filter({ hasText: 'delivered' }).waitFor({ timeout: 30_000 });
    }
    await session().workbench.screenshot('sends-tree');

    // Readable in a 200 px sidebar: the send's label is its time and counts, failures first, and fits;
    // the failed number sits in its own group above the delivered ones; the view's badge counts it.
    const sendLabel = page.locator('.monaco-list-row', { hasText: 'Sends view e2e' }).first().locator('.label-name');
    const label = (await sendLabel.textContent()) ?? '';
    assert.match(label, /^\d\d:\d\d · 1 failed · 2 delivered$/);
    const labelWidth = await sendLabel.evaluate((element) => (element as unknown as { scrollWidth: number }).scrollWidth);
    assert.ok(labelWidth < 180, `the label needs ${labelWidth} px`);
    const rows = await page.locator('.monaco-list-row').allTextContents();
    const at = (pattern: RegExp) => rows.findIndex((row) => pattern.test(row));
    assert.ok(at(/^Failed or undelivered: 1/) >= 0 && at(/^Failed or undelivered: 1/) < at(new RegExp(FAILS_30.replace('+', '\\+'))), `rows: ${JSON.stringify(rows)}`);
    assert.ok(at(new RegExp(FAILS_30.replace('+', '\\+'))) < at(/^Delivered: 2/), `rows: ${JSON.stringify(rows)}`);
    const badge = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Bulk Messaging"]') }).locator('.badge-content');
    await badge.filter({ hasText: /^1$/ }).waitFor({ timeout: 10_000 });
  });

  it('a server that never answers times out with a clear error; the draft is kept and nothing is re-sent', async () => {
    // The default send timeout (bulkMessaging.requestTimeoutSeconds, 30 s) decides when it gives up.
    await composer.frame.locator('#text').fill('Nobody answers');
    await composer.pasteDestinations('+12015550113');
    await composer.waitForSummary(/^1 entry: |^1 entries: /);
    server().injectFault({ kind: 'no-response', method: 'POST', path: '/Message/' });
    const before = posts();
    await composer.click('#send');
    await composer.waitForText('#result-heading', /did not answer in time/, 45_000);
    assert.match(await composer.text('#result'), /may have reached the server/);
    assert.equal(posts() - before, 1, 'a timed-out POST is never repeated');
    assert.equal(await composer.frame.locator('#text').inputValue(), 'Nobody answers');
  });
});
